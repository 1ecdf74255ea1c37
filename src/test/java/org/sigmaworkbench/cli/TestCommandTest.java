package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;

/** {@code test} with many rules (hunt), and with {@code --explain-misses}. */
class TestCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** Top-level scalar fields of each jsonl line (nested values as their raw JSON text). */
  private static List<Map<String, String>> json(String text) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try (JsonParser p = new JsonFactory().createParser(line)) {
        p.nextToken();
        Map<String, String> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            long start = p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            long end = p.currentTokenLocation().getCharOffset() + 1;
            m.put(k, line.substring((int) start, (int) end));
          } else {
            m.put(k, p.getText());
          }
        }
        out.add(m);
      }
    }
    return out;
  }

  private static final String RULE = TestFiles.HEADLINE_RULE.toString();

  @Test
  void explainMissesPrintsOneObjectPerMissedEvent() throws IOException {
    Run r =
        run(
            "test",
            RULE,
            "--logs",
            "sample-logs/sysmon-fields.csv",
            "--format",
            "jsonl",
            "--explain-misses");
    assertThat(r.code()).isZero();
    List<Map<String, String>> lines = json(r.out());
    assertThat(lines).hasSize(18);
    assertThat(lines).filteredOn(l -> l.get("hit").equals("true")).hasSize(8);
    Map<String, String> miss = lines.get(1);
    assertThat(miss.get("hit")).isEqualTo("false");
    assertThat(miss.get("record")).isEqualTo("2");
    assertThat(miss.get("explanation")).isEqualTo("selection did not match");
    assertThat(miss.get("identifiers")).isEqualTo("{\"selection\":false}");
    assertThat(miss.get("checks"))
        .contains("\"key\":\"CommandLine|contains\"")
        .contains("\"held\":false");
    Map<String, String> hit = lines.get(0);
    assertThat(hit.get("explanation")).isEqualTo("selection matched");
    assertThat(hit.get("spans")).contains("\"rule_value\":\"Export-PfxCertificate \"");
  }

  @Test
  void explainMissesInTextNamesWhatDidNotHold() {
    Run r = run("test", RULE, "--logs", "sample-logs/sysmon-flat.jsonl", "--explain-misses");
    assertThat(r.out())
        .contains("no hit: selection did not match")
        .contains("selection: CommandLine|contains held for 0 of 2 values");
  }

  @Test
  void aMissOnAFieldWithoutValueSaysSo() throws IOException {
    Path log = dir.resolve("no-cli.jsonl");
    Files.writeString(
        log,
        "{\"EventID\": 1, \"Image\": \"C:\\\\x.exe\"}\n"
            + "{\"EventID\": 1, \"Image\": \"C:\\\\y.exe\", \"CommandLine\": \"\"}\n");
    Run text = run("test", RULE, "--logs", log.toString(), "--explain-misses");
    assertThat(text.out())
        .contains(
            "selection: CommandLine|contains held for 0 of 2 values (CommandLine has no value)");
    Run json = run("test", RULE, "--logs", log.toString(), "--format", "jsonl", "--explain-misses");
    List<Map<String, String>> lines = json(json.out());
    assertThat(lines).hasSize(2);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.get("checks")).contains("\"no_value\":\"CommandLine\""));
  }

  private Path rules() throws IOException {
    Path folder = dir.resolve("rules");
    Files.createDirectories(folder);
    Files.copy(TestFiles.HEADLINE_RULE, folder.resolve("a_headline.yml"));
    Files.writeString(
        folder.resolve("b_svchost.yml"),
        "title: Service Host\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
            + "    Image|endswith: '\\svchost.exe'\n  condition: sel\n");
    Files.writeString(
        folder.resolve("c_nothing.yml"),
        "title: Nothing\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
            + "    CommandLine|contains: 'no such text'\n  condition: sel\n");
    return folder;
  }

  @Test
  void manyRulesAreHuntedAndGroupedByRule() throws IOException {
    Run r = run("test", rules().toString(), "--logs", "sample-logs/sysmon-fields.csv");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Certificate Exported Via PowerShell (")
        .contains("a_headline.yml): 8 hits")
        .contains("Service Host (")
        .contains("b_svchost.yml): 1 hit\n")
        .doesNotContain("Nothing");
    assertThat(r.out().indexOf("8 hits")).isLessThan(r.out().indexOf("1 hit\n"));
    assertThat(r.err()).contains("9 hits by 2 of 3 rules in 18 events (9 events hit)");
  }

  @Test
  void aBrokenRuleIsReportedAndTheOthersAreHunted() throws IOException {
    Path folder = rules();
    Files.writeString(
        folder.resolve("d_broken.yml"),
        "title: Broken\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
            + "    CommandLine|contians: x\n  condition: sel\n");
    Run r = run("test", folder.toString(), "--logs", "sample-logs/sysmon-fields.csv");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("d_broken.yml: skipped:").contains("contians");
    assertThat(r.out()).contains("a_headline.yml): 8 hits");
  }

  @Test
  void threadsDoNotChangeTheOutput() throws IOException {
    String folder = rules().toString();
    String[] logs = {"sample-logs/sysmon-fields.csv", "sample-logs/evtx-dump.jsonl"};
    Run one =
        run("test", folder, "--logs", logs[0], logs[1], "--format", "jsonl", "--threads", "1");
    Run two =
        run("test", folder, "--logs", logs[0], logs[1], "--format", "jsonl", "--threads", "2");
    assertThat(one.out()).isNotEmpty().isEqualTo(two.out());
  }

  /**
   * On .evtx files {@code test} passes over records that hold none of the rule's text; the hits it
   * prints, their event numbers and the events it counts are those of reading every record (as
   * {@code --explain-misses} does).
   */
  @Test
  void hitsOnEvtxAreThoseOfReadingEveryRecord() throws IOException {
    Path regression = TestFiles.corpus("sigma-regression");
    int compared = 0;
    for (var set : org.sigmaworkbench.engine.SigmaRegressionCorpusTestAccess.sets()) {
      String rule = regression.resolve(set.rulePath()).toString();
      String log = regression.resolve(set.evtxPath()).toString();
      Run hits = run("test", rule, "--logs", log, "--format", "jsonl");
      Run every = run("test", rule, "--logs", log, "--format", "jsonl", "--explain-misses");
      assertThat(hits.code()).as(hits.err()).isZero();
      List<Map<String, String>> all = json(every.out());
      assertThat(json(hits.out()))
          .as(set.rulePath())
          .isEqualTo(all.stream().filter(l -> l.get("hit").equals("true")).toList())
          .isNotEmpty();
      Run text = run("test", rule, "--logs", log);
      assertThat(text.err())
          .contains(" in " + org.sigmaworkbench.engine.RunWords.count(set.records(), "event"));
      compared++;
    }
    assertThat(compared).isEqualTo(32);
  }
}
