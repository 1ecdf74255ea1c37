package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.authoring.RegressionData;
import org.sigmaworkbench.authoring.RegressionWriter;
import org.sigmaworkbench.authoring.RuleFromEvent;
import org.sigmaworkbench.authoring.Template;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** {@code test --regression}: a test saved with a rule passes; a wrong count fails with exit 1. */
class RegressionCommandTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A rule written from the first event of the sample log, and how many events it hits there. */
  record Written(Path rule, SigmaRule parsed, int hits) {}

  Written ruleFromSample(Path log) throws Exception {
    Event first = null;
    List<Event> events = new java.util.ArrayList<>();
    try (EventStream s = LogReaders.open(log)) {
      Event e;
      while ((e = s.next()) != null) {
        events.add(e);
        if (first == null && e.fieldValues().containsKey("Image")) {
          first = e;
        }
      }
    }
    assertThat(first).isNotNull();
    Template.Rendered r =
        RuleFromEvent.build(
            first,
            List.of(new RuleFromEvent.Choice("Image", RuleFromEvent.MatchKind.ENDSWITH)),
            new LogSource(null, "windows", null, null),
            CLOCK,
            UUID::randomUUID);
    Path rules = dir.resolve("rules/windows/process_creation");
    Files.createDirectories(rules);
    Path rule = rules.resolve("proc_creation_win_from_event.yml");
    Files.writeString(rule, r.text(), StandardCharsets.UTF_8);
    SigmaRule parsed = new RuleLoader().load(rule).firstRule().orElseThrow();
    CompiledRule compiled = CompiledRule.compile(parsed);
    int hits = (int) events.stream().filter(compiled::matches).count();
    assertThat(hits).isPositive();
    return new Written(rule, parsed, hits);
  }

  @Test
  void savedTestPassesAndAWrongCountFails() throws Exception {
    Path log = TestFiles.sample("sysmon-eventviewer.xml");
    Written w = ruleFromSample(log);
    Path info =
        RegressionWriter.save(
            dir,
            "rules/windows/process_creation",
            "proc_creation_win_from_event.yml",
            w.parsed().meta(),
            List.of(new RegressionWriter.LogCount(log, w.hits(), "Microsoft-Windows-Sysmon")),
            "Tester",
            CLOCK,
            UUID::randomUUID);
    assertThat(info)
        .isEqualTo(
            dir.resolve(
                "regression_data/rules/windows/process_creation/proc_creation_win_from_event/info.yml"));
    assertThat(info.resolveSibling(w.parsed().meta().id() + ".xml")).exists();
    RegressionData.Info read = RegressionData.read(info, dir);
    assertThat(read.problem()).isNull();
    assertThat(read.ruleIds()).containsExactly(w.parsed().meta().id());
    assertThat(read.tests())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.matchCount()).isEqualTo(w.hits());
              assertThat(t.file()).isNotNull();
            });

    Run pass = run("test", dir.resolve("rules").toString(), "--regression", dir.toString());
    assertThat(pass.code()).as(pass.out() + pass.err()).isZero();
    assertThat(pass.out())
        .contains("PASS ")
        .contains("expected " + w.hits() + ", found " + w.hits())
        .contains("1 rule with regression data: 1 passed, 0 failed");

    String text =
        Files.readString(info)
            .replace("match_count: " + w.hits(), "match_count: " + (w.hits() + 1));
    Files.writeString(info, text);
    Run fail = run("test", dir.resolve("rules").toString(), "--regression", dir.toString());
    assertThat(fail.code()).isEqualTo(1);
    assertThat(fail.out())
        .contains("FAIL ")
        .contains("DIFF ")
        .contains("expected " + (w.hits() + 1) + ", found " + w.hits())
        .contains("0 passed, 1 failed");
  }

  @Test
  void noRegressionDataIsAnInputError() throws Exception {
    Run r = run("test", TestFiles.HEADLINE_RULE.toString(), "--regression", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("has regression data");
    Run neither = run("test", TestFiles.HEADLINE_RULE.toString());
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("missing required option '--logs=FILE'");
  }

  @Test
  void sigmaHqRegressionSetsAllPass() {
    Path corpus = TestFiles.corpus("sigma-regression");
    Run r =
        run(
            "test",
            corpus.resolve("rules").toString(),
            corpus.resolve("rules-emerging-threats").toString(),
            "--regression",
            corpus.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("32 rules with regression data: 32 passed, 0 failed");
  }
}
