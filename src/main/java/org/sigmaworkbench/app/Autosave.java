package org.sigmaworkbench.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of the rule tabs with unsaved changes, one JSON file per tab in {@code autosave/} of the
 * settings folder, so that a crash loses nothing: a tab's copy is removed when it is saved or
 * closed, and what is left at the next start is offered back. Touches files: never called on the FX
 * thread.
 */
final class Autosave {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One tab's unsaved text.
   *
   * @param id the tab's autosave id (the file's name)
   * @param path the rule file the tab edits, or {@code null} when it is untitled
   * @param title the tab's title (file name or Untitled-N)
   * @param text the text in the editor
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Entry(String id, String path, String title, String text) {}

  private final Path dir;

  Autosave(Path settingsDir) {
    this.dir = settingsDir.resolve("autosave");
  }

  Path dir() {
    return dir;
  }

  void write(Entry e) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(file(e.id()), JSON.writeValueAsString(e));
  }

  void delete(String id) throws IOException {
    Files.deleteIfExists(file(id));
  }

  /** The copies left, oldest first; files that are not copies are left alone. */
  List<Entry> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted(Comparator.comparing(Autosave::modified))
              .toList();
    } catch (IOException e) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (Path f : files) {
      try {
        Entry e = JSON.readValue(f.toFile(), Entry.class);
        String id = f.getFileName().toString().replaceFirst("\\.json$", "");
        if (e != null && e.text() != null) {
          out.add(new Entry(id, e.path(), e.title() == null ? id : e.title(), e.text()));
        }
      } catch (IOException e) {
        // Not one of ours, or cut short: skipped, and left in place for a human to look at.
      }
    }
    return out;
  }

  private Path file(String id) {
    if (!id.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("not an autosave id: " + id);
    }
    return dir.resolve(id + ".json");
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
