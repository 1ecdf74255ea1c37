package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** Loading a rule folder for a hunt and turning a run into rows and a status line, without FX. */
class RuleFolderHuntTest {

  static final String POWERSHELL =
      "title: PowerShell Started\nlogsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  sel:\n    Image|endswith: '\\powershell.exe'\n  condition: sel\n"
          + "level: low\n";
  static final String NOTHING =
      "title: Nothing Like This\nlogsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  sel:\n    Image|endswith: '\\no-such-tool-here.exe'\n  condition: sel\n";
  static final String BROKEN = "title: Broken\ndetection:\n  sel: [unclosed\n";

  @TempDir Path dir;

  private static final Path LOG = TestFiles.sample("sysmon-fields.csv");

  /** The hits of one rule text over the sample, by a run of that rule alone. */
  static long hitsAlone(String text) {
    CompiledRule rule =
        CompiledRule.compile(new RuleLoader().load(text, "alone.yml").firstRule().orElseThrow());
    RunResult r =
        RuleRun.run(
            RunRequest.of(List.of(rule), List.of(LogInput.file(LOG)), RunOptions.onlyHits()),
            RunListener.none(),
            Runnable::run);
    return r.eventsWithHits();
  }

  private Path folder() throws IOException {
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("headline.yml"), TestFiles.headlineRuleText());
    Files.writeString(dir.resolve("sub/powershell.yaml"), POWERSHELL);
    Files.writeString(dir.resolve("sub/deeper/nothing.yml"), NOTHING);
    Files.writeString(dir.resolve("broken.yml"), BROKEN);
    Files.writeString(dir.resolve("notes.txt"), "not a rule");
    return dir;
  }

  @Test
  void loadsEveryRuleUnderTheFolderAndListsTheBrokenOnes() throws IOException {
    RuleFolderHunt.Loaded loaded = RuleFolderHunt.load(folder(), Placeholders.standard());

    assertThat(loaded.rules()).hasSize(3);
    assertThat(loaded.rules().stream().map(r -> r.rule().title()))
        .containsExactlyInAnyOrder(
            "Certificate Exported Via PowerShell", "PowerShell Started", "Nothing Like This");
    assertThat(loaded.files().values())
        .allSatisfy(p -> assertThat(p.getFileName().toString()).doesNotEndWith(".txt"));
    assertThat(loaded.problems()).hasSize(1);
    assertThat(loaded.problems().get(0).file().getFileName().toString()).isEqualTo("broken.yml");
    assertThat(loaded.problems().get(0).describe())
        .startsWith("broken.yml: ")
        .hasSizeGreaterThan(12);
  }

  @Test
  void rowsAreTheRulesWithHitsBusiestFirstWithTheRunsCounts() throws IOException {
    RuleFolderHunt.Loaded loaded = RuleFolderHunt.load(folder(), Placeholders.standard());
    RunResult r =
        RuleRun.run(
            RunRequest.of(loaded.rules(), List.of(LogInput.file(LOG)), RunOptions.onlyHits()),
            RunListener.none(),
            Runnable::run);

    List<RuleFolderHunt.Row> rows = RuleFolderHunt.rows(r, loaded.files());

    long headline = hitsAlone(TestFiles.headlineRuleText());
    long powershell = hitsAlone(POWERSHELL);
    assertThat(headline).isPositive();
    assertThat(powershell).isPositive().isNotEqualTo(headline);
    Map<String, Long> counts =
        Map.of("Certificate Exported Via PowerShell", headline, "PowerShell Started", powershell);
    assertThat(rows).hasSize(2);
    assertThat(rows).isSortedAccordingTo((a, b) -> Long.compare(b.hits(), a.hits()));
    for (RuleFolderHunt.Row row : rows) {
      assertThat(row.hits()).isEqualTo(counts.get(row.title()));
    }
    RuleFolderHunt.Row ps =
        rows.stream().filter(x -> x.title().equals("PowerShell Started")).findFirst().orElseThrow();
    assertThat(ps.level()).isEqualTo("low");
    assertThat(ps.fileName()).isEqualTo("powershell.yaml");
    assertThat(RuleFolderHunt.status(loaded, rows))
        .isEqualTo(
            "2 rules with hits of 3 (1 could not be loaded); " + (headline + powershell) + " hits");
  }

  @Test
  void loadingStopsBetweenFilesWhenAsked() throws IOException {
    folder();
    int[] asked = {0};
    RuleFolderHunt.Loaded loaded =
        RuleFolderHunt.load(dir, Placeholders.standard(), () -> ++asked[0] > 1);
    assertThat(loaded.rules().size() + loaded.problems().size()).isEqualTo(1);
  }

  @Test
  void anEmptyFolderHasNoRulesAndNoProblems() throws IOException {
    RuleFolderHunt.Loaded loaded = RuleFolderHunt.load(dir, Placeholders.standard());
    assertThat(loaded.rules()).isEmpty();
    assertThat(loaded.problems()).isEmpty();
    assertThat(RuleFolderHunt.status(loaded, List.of()))
        .isEqualTo("0 rules with hits of 0; 0 hits");
  }
}
