package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.Launcher;

/**
 * The window's start as the build's training run uses it: the launcher in a JVM of its own (on the
 * UI tests' platform, Monocle unless -Dgui) with the exit-after-start switch, which must show the
 * window, fill it as a user's start does, and end with status 0.
 */
class WindowStartTest {

  @TempDir Path dir;

  @Test
  void theSwitchTakesFirstFrameOrFilledAndNamesThemOtherwise() {
    assertThat(StartupTrace.exitAfter((String) null)).isEqualTo(StartupTrace.ExitAfter.NEVER);
    assertThat(StartupTrace.exitAfter(" ")).isEqualTo(StartupTrace.ExitAfter.NEVER);
    assertThat(StartupTrace.exitAfter("first-frame")).isEqualTo(StartupTrace.ExitAfter.FIRST_FRAME);
    assertThat(StartupTrace.exitAfter(" Filled ")).isEqualTo(StartupTrace.ExitAfter.FILLED);
    assertThatThrownBy(() -> StartupTrace.exitAfter("later"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'later'")
        .hasMessageContaining("first-frame or filled");
  }

  @Test
  void exitAfterTheFirstFrameShowsTheWindowAndEndsWithStatusZero() throws Exception {
    Run run = start("first-frame");
    assertThat(run.status()).as(run.output()).isZero();
    assertThat(steps(run.output())).containsSubsequence("toolkit up", "shown", "first frame");
    assertThat(run.output()).doesNotContain("Exception");
  }

  @Test
  void exitWhenFilledComesAfterTheHeadlineRulesKqlAndTheSamplesRows() throws Exception {
    Run run = start("filled");
    assertThat(run.status()).as(run.output()).isZero();
    assertThat(steps(run.output()))
        .containsSubsequence("shown", "first frame", "window built", "opened")
        // The Sysmon sample's 18 events, 8 of them hits, as rows of the table.
        .contains("filled (KQL and 18 rows)");
    assertThat(run.output()).doesNotContain("Exception");
  }

  private record Run(int status, String output) {}

  /** The launcher with no arguments, in a new folder, with an empty settings folder. */
  private Run start(String exitAfter) throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("work-" + exitAfter));
    Path settings = Files.createDirectories(dir.resolve("settings-" + exitAfter));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String p :
        List.of("glass.platform", "monocle.platform", "prism.order", "headless.geometry")) {
      String v = System.getProperty(p);
      if (v != null) {
        command.add("-D" + p + "=" + v);
      }
    }
    command.add("-Dsigmawb.exitAfterStart=" + exitAfter);
    command.add("-Dsigmawb.startupTrace=true");
    command.add("-Dsigmawb.settingsDir=" + settings);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Launcher.class.getName());
    Path log = dir.resolve("start-" + exitAfter + ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          "the window did not exit: " + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The trace's steps, in order. */
  private static List<String> steps(String output) {
    return output
        .lines()
        .filter(l -> l.startsWith("sigma-workbench: start: "))
        .map(l -> l.substring("sigma-workbench: start: ".length()).replaceAll(" at \\d+ ms$", ""))
        .toList();
  }
}
