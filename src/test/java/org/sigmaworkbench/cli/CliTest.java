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

class CliTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {
    List<Map<String, Object>> json() throws IOException {
      List<Map<String, Object>> out = new ArrayList<>();
      for (String line : this.out.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        try (JsonParser p = new JsonFactory().createParser(line)) {
          p.nextToken();
          Map<String, Object> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
              p.skipChildren();
              m.put(k, "(nested)");
            } else {
              m.put(k, t == JsonToken.VALUE_NULL ? null : p.getText());
            }
          }
          out.add(m);
        }
      }
      return out;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static final String RULE = TestFiles.HEADLINE_RULE.toString();

  @Test
  void convertPrintsExactlyTheQuery() {
    Run r = run("convert", RULE, "--target", "sentinel_asim");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "imProcessCreate\n| where TargetProcessCommandLine contains \"Export-PfxCertificate \" or"
                + " TargetProcessCommandLine contains \"Export-Certificate \"\n");
  }

  @Test
  void convertJsonlHasTheNamedKeys() throws IOException {
    Run r = run("convert", RULE, "--target", "microsoft_xdr", "--format", "jsonl");
    Map<String, Object> o = r.json().get(0);
    assertThat(o).containsOnlyKeys("path", "id", "title", "target", "ok", "query", "error");
    assertThat(o.get("ok")).isEqualTo("true");
    assertThat((String) o.get("query"))
        .startsWith("DeviceProcessEvents\n| where ProcessCommandLine contains");
  }

  @Test
  void convertOfABrokenRuleFailsWithAMessage() throws IOException {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(
        bad,
        "title: x\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n    CommandLine|contians: a\n  condition: sel\n");
    Run r = run("convert", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("6:").contains("contians");
    assertThat(run("convert", RULE, "--target", "splunk").code()).isEqualTo(2);
  }

  @Test
  void testPrintsOnlyHitsWithSpans() throws IOException {
    Run r = run("test", RULE, "--logs", "sample-logs/sysmon-fields.csv", "--format", "jsonl");
    assertThat(r.code()).isZero();
    List<Map<String, Object>> hits = r.json();
    assertThat(hits).hasSize(8);
    assertThat(hits.get(0))
        .containsKeys("path", "id", "title", "file", "record", "fields", "spans");
    assertThat(hits)
        .extracting(h -> h.get("record"))
        .containsExactly("1", "3", "5", "7", "9", "11", "13", "15");
  }

  @Test
  void testTextMarksTheMatch() {
    Run r = run("test", RULE, "--logs", "sample-logs/sysmon-flat.jsonl");
    assertThat(r.out()).contains("[Export-Certificate ]").contains("[export-pfxcertificate ]");
    assertThat(r.err()).contains("2 hits in 6 events");
  }

  @Test
  void testOnAFileThatIsNotALogFailsWithOneLine() throws IOException {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "hello\n");
    Run r = run("test", RULE, "--logs", notes.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
  }

  @Test
  void checkGivesPositions() throws IOException {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(
        bad,
        "title: x\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n    CommandLine: a\n  condition: sel and filter\n");
    Run r = run("check", RULE, bad.toString(), "--format", "jsonl");
    assertThat(r.code()).isEqualTo(1);
    List<Map<String, Object>> lines = r.json();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("ok")).isEqualTo("true");
    assertThat(lines.get(1).get("ok")).isEqualTo("false");
    Run text = run("check", bad.toString());
    assertThat(text.out()).contains("bad.yml:7:22: error: the condition names 'filter'");
  }

  @Test
  void eventsPrintsMappedFields() throws IOException {
    Run r = run("events", "sample-logs/sentinel-asim-export.csv", "--format", "jsonl");
    assertThat(r.code()).isZero();
    assertThat(r.json()).hasSize(8);
    assertThat(r.out())
        .contains("\"CommandLine\":")
        .doesNotContain("\"TargetProcessCommandLine\":");
  }

  @Test
  void unnamedDataIsOneFieldWrittenAsAnArrayAndASpanSaysWhichValueItMatched() throws IOException {
    Path xml = dir.resolve("esent.xml");
    Files.writeString(
        xml,
        "<Events><Event><System><Provider Name='ESENT'/><EventID>325</EventID>"
            + "<Channel>Application</Channel></System><EventData><Data>NTDS</Data>"
            + "<Data>C:\\x\\ntds.dit</Data></EventData></Event></Events>");
    Run events = run("events", xml.toString(), "--format", "jsonl");
    assertThat(events.code()).isZero();
    assertThat(events.out()).contains("\"Data\":[\"NTDS\",\"C:\\\\x\\\\ntds.dit\"]");
    Path rule = dir.resolve("r.yml");
    Files.writeString(
        rule,
        "title: r\nlogsource:\n  product: windows\n  service: application\ndetection:\n"
            + "  sel:\n    Data|contains: ntds.dit\n  condition: sel\n");
    Run test = run("test", rule.toString(), "--logs", xml.toString(), "--format", "jsonl");
    assertThat(test.out()).contains("\"value_index\":1").contains("\"start\":5");
    Run text = run("test", rule.toString(), "--logs", xml.toString());
    assertThat(text.out()).contains("Data: C:\\x\\[ntds.dit]");
  }

  @Test
  void helpListsTheCommandsAndEachCommandsOptions() {
    Run top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("Commands:").contains("  convert").contains("  events");
    for (String command : List.of("convert", "test", "check", "events", "export")) {
      Run r = run(command, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("Usage: sigma-workbench " + command).contains("--format=");
      assertThat(run("help", command).out()).isEqualTo(r.out());
    }
    assertThat(run("test", "-h").out()).contains("--logs=FILE...").contains("--explain-misses");
    assertThat(run("--version").out()).startsWith("sigma-workbench ");
  }

  @Test
  void aCommandLineThatDoesNotFitSaysWhyAndExitsWithTwo() {
    Run missing = run("test", RULE);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err())
        .isEqualTo(
            "error: missing required option '--logs=FILE'\n"
                + "Run 'sigma-workbench test --help' for the options.\n");
    Run format = run("convert", RULE, "--format", "xml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("expected one of [text, jsonl]");
    Run unknown = run("convert", RULE, "--targte", "microsoft_xdr");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("error: unknown option '--targte'");
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("help", "frobnicate").err()).startsWith("error: unknown command 'frobnicate'");
  }

  @Test
  void optionsAreReadCaseInsensitivelyAndInEitherForm() throws IOException {
    Run r = run("convert", RULE, "--target=microsoft_xdr", "--format=JSONL");
    assertThat(r.code()).isZero();
    assertThat(r.json()).hasSize(1);
    assertThat(r.json().get(0).get("target")).isEqualTo("microsoft_xdr");
  }

  @Test
  void testWithATargetCountsOnlyHitsItsQueryCanReturn() throws IOException {
    String[] logs = {
      "--logs",
      "sample-logs/defender-process-events.csv",
      "sample-logs/security-4688-wevtutil.xml",
      "sample-logs/sysmon-eventviewer.xml"
    };
    Run all = run(concat(new String[] {"test", RULE}, logs));
    assertThat(all.err()).contains("8 hits in ");
    Run xdr = run(concat(new String[] {"test", RULE, "--target", "microsoft_xdr"}, logs));
    assertThat(xdr.code()).isZero();
    assertThat(xdr.err())
        .containsPattern(
            "3 hits in [0-9]+ events; 5 more outside the reach of the Microsoft"
                + " Defender XDR query");
    assertThat(xdr.out())
        .contains(
            "security-4688-wevtutil.xml#1  Certificate Exported Via PowerShell  (outside"
                + " the query's reach: the Microsoft Defender XDR query reads DeviceProcessEvents,"
                + " which holds no Windows event log events)");
    Run azure =
        run(
            concat(
                new String[] {"test", RULE, "--target", "azure_monitor", "--format", "jsonl"},
                logs));
    List<Map<String, Object>> hits = azure.json();
    assertThat(hits).hasSize(8);
    assertThat(hits)
        .filteredOn(h -> "false".equals(h.get("in_reach")))
        .hasSize(3)
        .allSatisfy(
            h -> {
              assertThat((String) h.get("file")).isEqualTo("defender-process-events.csv");
              assertThat((String) h.get("reach"))
                  .isEqualTo(
                      "an export of DeviceProcessEvents, which the Azure Monitor query does not"
                          + " read (it reads SecurityEvent, WindowsEvent)");
            });
    assertThat(hits)
        .filteredOn(h -> "true".equals(h.get("in_reach")))
        .hasSize(5)
        .allSatisfy(h -> assertThat(h.get("reach")).isNull());
    // Without --target, the output has no reach.
    Run plain = run(concat(new String[] {"test", RULE, "--format", "jsonl"}, logs));
    assertThat(plain.json()).allSatisfy(h -> assertThat(h).doesNotContainKey("in_reach"));
  }

  @Test
  void testWithAnUnknownTargetIsAUsageError() {
    Run r = run("test", RULE, "--logs", "sample-logs/sysmon-fields.csv", "--target", "splunk");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown target 'splunk'");
  }

  @Test
  void aHuntWithATargetSaysPerRuleWhatIsOutsideTheReach() {
    Path rules = dir.resolve("rules");
    try {
      Files.createDirectories(rules);
      Files.copy(TestFiles.HEADLINE_RULE, rules.resolve("a.yml"));
      Files.writeString(
          rules.resolve("b.yml"),
          "title: Any PowerShell\nlogsource:\n  category: process_creation\n  product: windows\n"
              + "detection:\n  sel:\n    CommandLine|contains: powershell\n  condition: sel\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Run r =
        run(
            "test",
            rules.toString(),
            "--target",
            "microsoft_xdr",
            "--logs",
            "sample-logs/defender-process-events.csv",
            "sample-logs/sysmon-eventviewer.xml");
    assertThat(r.out())
        .contains("Certificate Exported Via PowerShell (")
        .containsPattern(
            "[0-9]+ hits?, [0-9]+ more outside the reach of the Microsoft Defender XDR" + " query");
    assertThat(r.err())
        .containsPattern("more outside the reach of the Microsoft Defender XDR query");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
