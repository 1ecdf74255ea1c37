package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupOptionsTest {

  @TempDir Path dir;

  @Test
  void theWindowsOwnOptionsReachTheWindow() throws IOException {
    Path rule = Files.writeString(dir.resolve("r.yml"), "title: mine\n");
    Path rules = Files.createDirectory(dir.resolve("rules"));
    StartupOptions o =
        StartupOptions.parse(
            List.of(
                "--rule",
                rule.toString(),
                "--logs",
                "a.evtx",
                "b.csv",
                "--target",
                "Microsoft_XDR",
                "--rules",
                rules.toString()));
    assertThat(o.rulePath()).isEqualTo(rule);
    assertThat(o.ruleText()).isEqualTo("title: mine\n");
    assertThat(o.ruleSource()).isEqualTo("r.yml");
    assertThat(o.logs()).containsExactly(Path.of("a.evtx"), Path.of("b.csv"));
    assertThat(o.target()).isEqualTo("microsoft_xdr");
    assertThat(o.rulesFolder()).contains(rules);
  }

  @Test
  void withoutOptionsTheHeadlineRuleAndTheSampleLogOpen() throws IOException {
    StartupOptions o = StartupOptions.parse(List.of());
    assertThat(o.rulePath()).isNull();
    assertThat(o.ruleSource()).isEqualTo("proc_creation_win_powershell_export_certificate.yml");
    assertThat(o.logs())
        .singleElement()
        .satisfies(p -> assertThat(p).hasFileName("sysmon-fields.csv"));
    assertThat(o.target()).isEqualTo("sentinel_asim");
    assertThat(o.rulesFolder()).isEmpty();
    assertThat(StartupOptions.parse(List.of("--empty")).logs()).isEmpty();
    assertThat(StartupOptions.parse(List.of("--logs=x.csv", "--empty")).logs())
        .containsExactly(Path.of("x.csv"));
  }

  @Test
  void aRulesFolderThatIsNoFolderIsRefusedWithAMessage() throws IOException {
    Path file = Files.writeString(dir.resolve("one.yml"), "title: x\n");
    assertThatThrownBy(() -> StartupOptions.parse(List.of("--rules", file.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value for option '--rules': '" + file + "' is a file, not a folder of rules");
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> StartupOptions.parse(List.of("--rules", missing.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for option '--rules': no folder '" + missing + "'");
  }

  @Test
  void anythingElseIsNamedInOneLineBeforeAWindowOpens() {
    assertThat(misunderstood("conevrt", "r.yml"))
        .isEqualTo("unknown command 'conevrt'; did you mean convert?");
    assertThat(misunderstood("--rul", "r.yml")).startsWith("unknown option '--rul'");
    assertThat(misunderstood("--logs", "a.evtx", "--bogus")).isEqualTo("unknown option '--bogus'");
    assertThat(misunderstood("--rule")).contains("'--rule'");
    assertThat(misunderstood("--target", "--empty")).contains("'--target'");
    assertThat(misunderstood("--empty", "stray.csv")).isEqualTo("unknown command 'stray.csv'");
    assertThat(misunderstood("--target", "nope"))
        .isEqualTo(
            "invalid value for option '--target': expected one of [sentinel_asim, microsoft_xdr,"
                + " azure_monitor] (case-insensitive) but was 'nope'");
    assertThat(misunderstood("--empty", "convert", "r.yml"))
        .isEqualTo("a command comes first, before any option: sigma-workbench convert ...");
  }

  private static String misunderstood(String... args) {
    try {
      StartupOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("understood: " + List.of(args));
  }
}
