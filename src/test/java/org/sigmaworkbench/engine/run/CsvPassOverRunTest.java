package org.sigmaworkbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * A hits-only run over a large CSV passes over the records that hold no literal the rules need,
 * read ahead on a thread of its own, and reports exactly what a run that builds every event
 * reports; a rule that needs no literal, or a run that gives every event, passes over nothing.
 */
class CsvPassOverRunTest {

  @TempDir Path dir;

  private static CompiledRule rule(String detection) {
    SigmaRule r =
        new RuleLoader()
            .load(
                "title: t\nlogsource:\n  category: process_creation\n  product: windows\n"
                    + "detection:\n"
                    + detection.indent(2),
                "t.yml")
            .firstRule()
            .orElseThrow();
    return CompiledRule.compile(r);
  }

  private static CompiledRule headline() {
    return CompiledRule.compile(
        new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
  }

  /** A CSV of several MB: mostly misses, a hit now and then, quoted line breaks and quotes. */
  private Path bigCsv() throws Exception {
    StringBuilder b =
        new StringBuilder("\uFEFFUtcTime,EventID,Computer,Image,CommandLine,ParentCommandLine\r\n");
    for (int i = 0; b.length() < (6 << 20); i++) {
      String cmd =
          switch (i % 1000) {
            case 7 -> "\"powershell -c \"\"Export-PfxCertificate -Cert $c\"\"\"";
            case 300 -> "\"pwsh\nEXPORT-CERTIFICATE -FilePath x\"";
            case 500 -> "cmd /c type cert.txt"; // no literal
            default -> "\"C:\\Windows\\system32\\svchost.exe -k \"\"netsvcs\"\" -p " + i + "\"";
          };
      String parent = i % 777 == 5 ? "\"Export-Certificate in the parent\"" : "services.exe";
      b.append("2026-11-20 09:00:00.")
          .append(i % 1000)
          .append(",1,WS-")
          .append(i % 50)
          .append(",C:\\Windows\\System32\\x.exe,")
          .append(cmd)
          .append(',')
          .append(parent)
          .append(i % 2 == 0 ? "\r\n" : "\n");
    }
    Path f = dir.resolve("big.csv");
    Files.write(f, b.toString().getBytes(StandardCharsets.UTF_8));
    return f;
  }

  /** The hits (file record and rule title), the counts and the problems of a run. */
  private record Outcome(List<String> hits, long events, long passedOver, List<String> problems) {}

  private static Outcome run(Path log, List<CompiledRule> rules, RunOptions options) {
    List<String> hits = new ArrayList<>();
    RunResult r =
        RuleRun.run(
            RunRequest.of(rules, List.of(LogInput.file(log)), options),
            e ->
                e.hits().forEach(h -> hits.add(e.event().record() + " " + h.rule().rule().title())),
            Runnable::run);
    LogResult l = r.logs().get(0);
    assertThat(l.error()).isNull();
    return new Outcome(
        hits, r.events(), l.passedOver(), l.problems().stream().map(LogProblem::describe).toList());
  }

  /** Every event built: keeping the log's events turns passing over off. */
  private static RunOptions full() {
    return RunOptions.onlyHits().keepLogs(Long.MAX_VALUE, 1);
  }

  @Test
  void passesOverWhatCannotHitAndReportsWhatAFullReadReports() throws Exception {
    Path log = bigCsv();
    List<CompiledRule> rules =
        List.of(
            headline(),
            rule("sel:\n  ParentCommandLine|contains: 'in the parent'\ncondition: sel"));
    Outcome fast = run(log, rules, RunOptions.onlyHits());
    Outcome slow = run(log, rules, full());
    assertThat(slow.passedOver()).isZero();
    assertThat(fast.passedOver()).isGreaterThan(fast.events() / 2);
    assertThat(fast.hits()).isNotEmpty().isEqualTo(slow.hits());
    assertThat(fast.events()).isEqualTo(slow.events());
    assertThat(fast.problems()).isEqualTo(slow.problems());
    Outcome threads = run(log, rules, RunOptions.onlyHits().threads(2));
    assertThat(threads).isEqualTo(fast);
  }

  @Test
  void aRuleThatNeedsNoLiteralPassesOverNothing() throws Exception {
    Path log = bigCsv();
    List<String> needNothing =
        List.of(
            "sel:\n  CommandLine|contains: svchost\ncondition: not sel",
            "sel:\n  NoSuchField|exists: false\ncondition: sel",
            "sel:\n  CommandLine|re: '^.{3,}$'\ncondition: sel");
    for (String detection : needNothing) {
      List<CompiledRule> rules = List.of(headline(), rule(detection));
      Outcome fast = run(log, rules, RunOptions.onlyHits());
      assertThat(fast.passedOver()).as(detection).isZero();
      assertThat(fast).as(detection).isEqualTo(run(log, rules, full()));
    }
    Outcome every = run(log, List.of(headline()), RunOptions.allEvents());
    assertThat(every.passedOver()).isZero();
  }
}
