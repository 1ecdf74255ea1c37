package org.sigmaworkbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.cli.SigmaCli;

/**
 * The Linux commands' launcher, packaging/launchers/sigma-workbench.sh, in an image laid out as
 * build-app.sh lays it out (bin/, lib/app/, lib/runtime/bin/java), with this JVM as the runtime: it
 * runs exactly the launcher's commands itself, hands anything else to the window's launcher, and
 * finds its image through a symbolic link (as /usr/bin/sigma-workbench reaches it).
 */
class CommandsLauncherScriptTest {

  private static final Path SCRIPT = Path.of("packaging/launchers/sigma-workbench.sh");

  @Test
  void theScriptRunsTheCommandsTheLauncherRuns() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^  ([a-z-][^)]*)\\) ;;$")
            .matcher(Files.readString(SCRIPT, StandardCharsets.UTF_8));
    assertThat(m.find()).as("the case of the commands in %s", SCRIPT).isTrue();
    Set<String> inScript = new LinkedHashSet<>();
    for (String word : m.group(1).split("\\|")) {
      inScript.add(word.strip());
    }
    assertThat(inScript).containsExactlyInAnyOrderElementsOf(SigmaCli.COMMANDS);
  }

  @Test
  void aCommandRunsOnTheImagesRuntimeAndAnythingElseOpensTheWindowsLauncher(@TempDir Path dir)
      throws Exception {
    assumeTrue(new File("/bin/sh").canExecute() && !File.separator.equals("\\"), "needs sh");
    Path image = dir.resolve("sigma-workbench");
    Path bin = Files.createDirectories(image.resolve("bin"));
    Files.createDirectories(image.resolve("lib/app"));
    Path runtimeBin = Files.createDirectories(image.resolve("lib/runtime/bin"));
    Path java = runtimeBin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    String classPath =
        String.join(
            File.pathSeparator,
            Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .toList());
    Path cli = bin.resolve("sigma-workbench");
    Files.writeString(
        cli,
        Files.readString(SCRIPT, StandardCharsets.UTF_8)
            .replace("@CLASSPATH@", classPath)
            .replace("@JAVA_OPTIONS@", "-XX:TieredStopAtLevel=1"));
    Path window = bin.resolve("Sigma Workbench");
    Files.writeString(window, "#!/bin/sh\necho \"window launcher, $# arguments: $*\"\n");
    for (Path p : List.of(cli, window, java)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path link = Files.createSymbolicLink(dir.resolve("on-path"), cli);

    assertThat(run(link, "--version")).isEqualTo("sigma-workbench development");
    assertThat(run(link, "--rule", "a b.yml"))
        .isEqualTo("window launcher, 2 arguments: --rule a b.yml");
    assertThat(run(cli)).isEqualTo("window launcher, 0 arguments:");
  }

  private static String run(Path launcher, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
