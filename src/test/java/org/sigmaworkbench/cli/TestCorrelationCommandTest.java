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

/** {@code test} with correlation rules: their base rules in other files, logs out of order. */
class TestCorrelationCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A JSON value as maps, lists, strings, numbers and booleans. */
  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        m.put(k, read(p));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(read(p));
      }
      return l;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return p.getBooleanValue();
    }
    return p.getText();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String line) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(line)) {
      p.nextToken();
      return (Map<String, Object>) read(p);
    }
  }

  private static final String BASE =
      "title: Recon command\nid: 22222222-2222-4222-8222-222222222222\nname: recon_cmd\n"
          + "logsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  selection:\n    CommandLine|contains: [whoami, ipconfig]\n"
          + "  condition: selection\n";

  private static final String CORRELATION =
      "title: Many recon commands\nid: 11111111-1111-4111-8111-111111111111\ncorrelation:\n"
          + "  type: event_count\n  rules: [recon_cmd]\n  group-by: [User]\n  timespan: 5m\n"
          + "  condition:\n    gte: 3\n";

  private static String line(String time, String user, String command) {
    return "{\"@timestamp\":\""
        + time
        + "\",\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"User\":\""
        + user
        + "\",\"CommandLine\":\""
        + command
        + "\"}\n";
  }

  private Path[] logs() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Files.writeString(
        a,
        line("2026-11-20T09:03:00Z", "jdoe", "whoami")
            + line("2026-11-20T09:00:00Z", "jdoe", "whoami /all")
            + line("2026-11-20T09:02:00Z", "other", "ipconfig"));
    Files.writeString(
        b,
        line("2026-11-20T09:01:00Z", "jdoe", "ipconfig")
            + "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
            + "\"User\":\"jdoe\",\"CommandLine\":\"whoami\"}\n");
    return new Path[] {a, b};
  }

  @Test
  void jsonlListsEachCorrelationHitWithItsGroupWindowValueAndEvents() throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("base.yml"), BASE);
    Files.writeString(rules.resolve("corr.yml"), CORRELATION);
    Path[] logs = logs();
    Run r =
        run(
            "test",
            rules.toString(),
            "--logs",
            logs[0].toString(),
            logs[1].toString(),
            "--format",
            "jsonl");
    assertThat(r.code()).isZero();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String l : r.out().split("\n")) {
      if (!l.isBlank()) {
        lines.add(object(l));
      }
    }
    // generate is false: the base rule's own hits are not listed, only the correlation's.
    assertThat(lines).singleElement();
    Map<String, Object> h = lines.get(0);
    assertThat(h.get("correlation")).isEqualTo(true);
    assertThat(h.get("id")).isEqualTo("11111111-1111-4111-8111-111111111111");
    assertThat(h.get("title")).isEqualTo("Many recon commands");
    assertThat((String) h.get("path")).endsWith("corr.yml");
    assertThat(h.get("group")).isEqualTo(Map.of("User", "jdoe"));
    assertThat(h.get("window_start")).isEqualTo("2026-11-20T09:00:00Z");
    assertThat(h.get("window_end")).isEqualTo("2026-11-20T09:05:00Z");
    assertThat(h.get("value")).isEqualTo(3L);
    List<String> events = new ArrayList<>();
    for (Object e : (List<?>) h.get("events")) {
      Map<?, ?> m = (Map<?, ?>) e;
      events.add(m.get("file") + "#" + m.get("record"));
    }
    assertThat(events).containsExactly("a.jsonl#2", "b.jsonl#1", "a.jsonl#1");
    assertThat(r.err()).contains("1 event matched by correlated rules had no time");
  }

  @Test
  void textGivesOneLinePerCorrelationHitAndGenerateKeepsTheRuleHits() throws Exception {
    Path file = dir.resolve("both.yml");
    Files.writeString(
        file, CORRELATION.replace("gte: 3\n", "gte: 3\n  generate: true\n") + "---\n" + BASE);
    Path[] logs = logs();
    Run r = run("test", file.toString(), "--logs", logs[0].toString(), logs[1].toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "correlation: Many recon commands [event_count] User=jdoe  2026-11-20T09:00:00Z .."
                + " 2026-11-20T09:05:00Z  value 3: 3 events (a.jsonl#2, b.jsonl#1, a.jsonl#1)")
        .contains("a.jsonl#3");
    assertThat(r.err()).contains("1 correlation hit of 1 correlation");
  }

  @Test
  void aCorrelationWhoseRuleIsMissingIsReported() throws Exception {
    Path file = dir.resolve("corr.yml");
    Files.writeString(file, CORRELATION);
    Path[] logs = logs();
    Run r = run("test", file.toString(), "--logs", logs[0].toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'recon_cmd', which is not among the rules given");
  }
}
