package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes, autosaved copies, the new-rule template and drop sorting, without JavaFX. */
class FilesLogicTest {

  @TempDir Path dir;

  @Test
  void anAtomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
    Path f = dir.resolve("rule.yml");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(f, "title: é\n");
    assertThat(Files.readString(f)).isEqualTo("title: é\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-rw----");
    AtomicFiles.write(dir.resolve("new.yml"), "x");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("rule.yml", "new.yml");
    }
  }

  @Test
  void aWriteThroughASymbolicLinkWritesTheLinkedFile() throws Exception {
    Path real = dir.resolve("real.yml");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.yml"), real);
    AtomicFiles.write(link, "new");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
  }

  @Test
  void aFailedWriteLeavesTheOldFile() throws Exception {
    Path missingFolder = dir.resolve("gone").resolve("rule.yml");
    assertThatThrownBy(() -> AtomicFiles.write(missingFolder, "x"))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void autosavedCopiesAreListedBackAndDeleted() throws Exception {
    Autosave a = new Autosave(dir);
    assertThat(a.list()).isEmpty();
    a.write(new Autosave.Entry("id-1", null, "Untitled-1", "title: one\n"));
    a.write(new Autosave.Entry("id-2", "/r/b.yml", "b.yml", "title: two\n"));
    Files.writeString(a.dir().resolve("junk.json"), "{ not json");
    assertThat(a.list()).extracting(Autosave.Entry::id).containsExactlyInAnyOrder("id-1", "id-2");
    assertThat(a.list()).anySatisfy(e -> assertThat(e.path()).isEqualTo("/r/b.yml"));
    a.delete("id-1");
    assertThat(a.list()).extracting(Autosave.Entry::title).containsExactly("b.yml");
    assertThatThrownBy(() -> a.delete("../settings")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void droppedRulesAndLogsAreToldApartByTheirExtension() {
    Dropped d =
        Dropped.split(
            List.of(
                Path.of("a.yml"),
                Path.of("b.CSV"),
                Path.of("c.YAML"),
                Path.of("d.evtx"),
                Path.of("yml")));
    assertThat(d.rules()).containsExactly(Path.of("a.yml"), Path.of("c.YAML"));
    assertThat(d.logs()).containsExactly(Path.of("b.CSV"), Path.of("d.evtx"), Path.of("yml"));
  }
}
