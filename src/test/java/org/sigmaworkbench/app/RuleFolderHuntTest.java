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
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleFile;
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
            RuleFolderHunt.request(loaded, List.of(LogInput.file(LOG))),
            RunListener.none(),
            Runnable::run);

    List<RuleFolderHunt.Row> rows = RuleFolderHunt.rows(r, loaded);

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

  static final String CORRELATION =
      "title: Recon burst\nid: 6e674937-711c-4e9c-afb5-8e3e4894f459\ncorrelation:\n"
          + "  type: event_count\n  rules: [whoami_run, ipconfig_run]\n  group-by: [Computer]\n"
          + "  timespan: 10m\n  condition: {gte: 3}\nlevel: high\n";
  static final String WHOAMI =
      "title: Whoami run\nname: whoami_run\nlogsource: {category: process_creation, product:"
          + " windows}\ndetection:\n  sel: {CommandLine|contains: whoami}\n  condition: sel\n";
  static final String IPCONFIG =
      "title: Ipconfig run\nname: ipconfig_run\nlogsource: {category: process_creation, product:"
          + " windows}\ndetection:\n  sel: {CommandLine|contains: ipconfig}\n  condition: sel\n";

  /** Three recon commands on one host within minutes, one on another host, and an unrelated one. */
  static final String RECON_LOG =
      "UtcTime,EventID,Computer,Image,CommandLine\n"
          + "2026-11-20 09:00:00.000,1,WS-1,C:\\w\\whoami.exe,whoami /all\n"
          + "2026-11-20 09:01:00.000,1,WS-1,C:\\w\\ipconfig.exe,ipconfig /all\n"
          + "2026-11-20 09:02:00.000,1,WS-1,C:\\w\\whoami.exe,whoami /priv\n"
          + "2026-11-20 09:03:00.000,1,WS-2,C:\\w\\whoami.exe,whoami\n"
          + "2026-11-20 09:04:00.000,1,WS-1,C:\\w\\cmd.exe,cmd /c dir\n";

  private Path reconLog() throws IOException {
    return Files.writeString(dir.resolve("recon.csv"), RECON_LOG);
  }

  @Test
  void correlationsInTheFolderRunOverTheHitsOfTheRulesTheyName() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("recon_burst.yml"), CORRELATION);
    Files.writeString(rules.resolve("whoami.yml"), WHOAMI);
    Files.writeString(rules.resolve("ipconfig.yml"), IPCONFIG);
    Files.writeString(rules.resolve("headline.yml"), TestFiles.headlineRuleText());
    Files.writeString(
        rules.resolve("dangling.yml"),
        CORRELATION
            .replace("Recon burst", "Dangling")
            .replace("6e674937-711c-4e9c-afb5-8e3e4894f459", "1d6f0a8e-3a57-4b8e-9a3c-2f0d5e7b9c11")
            .replace("ipconfig_run", "no_such_rule"));

    RuleFolderHunt.Loaded loaded = RuleFolderHunt.load(rules, Placeholders.standard());
    assertThat(loaded.rules()).hasSize(3);
    assertThat(loaded.correlations().rules())
        .extracting(c -> c.meta().title())
        .containsExactly("Recon burst");
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file().getFileName().toString()).isEqualTo("dangling.yml");
              assertThat(p.why()).contains("no_such_rule");
            });
    assertThat(loaded.ruleCount()).isEqualTo(4);

    RunResult r =
        RuleRun.run(
            RuleFolderHunt.request(loaded, List.of(LogInput.file(reconLog()))),
            RunListener.none(),
            Runnable::run);
    List<RuleFolderHunt.Row> rows = RuleFolderHunt.rows(r, loaded);

    // Whoami and ipconfig are taken in by the correlation (no generate: true): one row, one window.
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.title()).isEqualTo("Recon burst");
              assertThat(row.level()).isEqualTo("high");
              assertThat(row.hits()).isEqualTo(1);
              assertThat(row.fileName()).isEqualTo("recon_burst.yml");
              assertThat(row.with())
                  .extracting(p -> p.getFileName().toString())
                  .containsExactlyInAnyOrder("whoami.yml", "ipconfig.yml");
            });

    // Opened from the hunt, the correlation and the files of its rules are one text the editor
    // runs: the correlation resolves against them.
    List<String> texts = new java.util.ArrayList<>();
    texts.add(Files.readString(rows.get(0).file()));
    for (Path p : rows.get(0).with()) {
      texts.add(Files.readString(p));
    }
    RuleFile bundle = new RuleLoader().load(RuleFolderHunt.bundle(texts), "bundle.yml");
    assertThat(bundle.fileProblems()).isEmpty();
    assertThat(bundle.rules()).hasSize(2);
    Correlations resolved = Correlations.of(bundle.documents());
    assertThat(resolved.problems()).isEmpty();
    assertThat(resolved.rules()).extracting(c -> c.meta().title()).containsExactly("Recon burst");
    assertThat(RuleFolderHunt.status(loaded, rows))
        .isEqualTo("1 rule with hits of 4 (1 could not be loaded); 1 hit");

    // With generate: true the named rules list their own hits beside the correlation's window.
    Files.writeString(
        rules.resolve("recon_burst.yml"),
        CORRELATION.replace("  timespan:", "  generate: true\n  timespan:"));
    RuleFolderHunt.Loaded generating = RuleFolderHunt.load(rules, Placeholders.standard());
    RunResult g =
        RuleRun.run(
            RuleFolderHunt.request(generating, List.of(LogInput.file(reconLog()))),
            RunListener.none(),
            Runnable::run);
    assertThat(RuleFolderHunt.rows(g, generating))
        .extracting(RuleFolderHunt.Row::title, RuleFolderHunt.Row::hits)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Whoami run", 3L),
            org.assertj.core.groups.Tuple.tuple("Ipconfig run", 1L),
            org.assertj.core.groups.Tuple.tuple("Recon burst", 1L));
  }

  @Test
  void aBundleMakesEachFileOneFurtherDocument() {
    assertThat(RuleFolderHunt.bundle(List.of("a: 1\n", "---\nb: 2", "c: 3\n")))
        .isEqualTo("a: 1\n---\nb: 2\n---\nc: 3\n");
    assertThat(RuleFolderHunt.bundle(List.of("a: 1"))).isEqualTo("a: 1");
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
