package org.sigmaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query} against loopback servers speaking each service's protocol. */
class QueryCommandTest {

  @TempDir Path dir;

  @StartStop final MockWebServer server = new MockWebServer();

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SigmaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static final String RULE =
      "title: Whoami all\nlogsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  selection:\n    Image|endswith: '\\whoami.exe'\n"
          + "    CommandLine|contains: '/all'\n  condition: selection\n";

  private Path rule;

  @BeforeEach
  void writeRule() throws Exception {
    rule = dir.resolve("whoami.yml");
    Files.writeString(rule, RULE);
  }

  private String endpoint() {
    return server.url("/").toString();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** What {@code convert} prints for the rule and target: the query without the line end. */
  private String converted(String target) {
    Run c = run("convert", rule.toString(), "--target", target);
    assertThat(c.code()).as(c.err()).isZero();
    return c.out().substring(0, c.out().length() - System.lineSeparator().length());
  }

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String l : out.split("\\R")) {
      if (!l.isBlank()) {
        nodes.add(JSON.readTree(l));
      }
    }
    return nodes;
  }

  private static final String HUNTING_ROWS =
      "{\"schema\":[{\"name\":\"Timestamp\",\"type\":\"DateTime\"},"
          + "{\"name\":\"DeviceName\",\"type\":\"String\"},"
          + "{\"name\":\"FolderPath\",\"type\":\"String\"},"
          + "{\"name\":\"ProcessCommandLine\",\"type\":\"String\"},"
          + "{\"name\":\"ProcessId\",\"type\":\"Int64\"}],"
          + "\"results\":["
          + "{\"Timestamp\":\"2026-01-02T03:04:05Z\",\"DeviceName\":\"pc1\",\"FolderPath\":"
          + "\"C:\\\\Windows\\\\System32\\\\whoami.exe\",\"ProcessCommandLine\":\"whoami /all\","
          + "\"ProcessId\":4242},"
          + "{\"Timestamp\":\"2026-01-02T03:04:06Z\",\"DeviceName\":\"pc2\",\"FolderPath\":"
          + "\"C:\\\\Tools\\\\whoami.exe\",\"ProcessCommandLine\":\"whoami.exe /ALL /fo csv\","
          + "\"ProcessId\":7}]}";

  @Test
  void defenderSendsTheConvertedQueryAndPrintsRowsWithSpans() throws Exception {
    server.enqueue(json(200, HUNTING_ROWS));
    Run r =
        run(
            "query",
            rule.toString(),
            "--defender",
            "--endpoint",
            endpoint(),
            "--timespan",
            "P7D",
            "--format",
            "jsonl");
    assertThat(r.code()).as(r.err()).isZero();

    RecordedRequest req = server.takeRequest();
    assertThat(req.getHeaders().get("Authorization")).isNull();
    JsonNode body = JSON.readTree(req.getBody().utf8());
    assertThat(body.get("Query").asText()).isEqualTo(converted("microsoft_xdr"));
    assertThat(body.get("Timespan").asText()).isEqualTo("P7D");

    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(3);
    JsonNode first = out.get(0);
    assertThat(first.get("columns").get("ProcessId").isIntegralNumber()).isTrue();
    assertThat(first.get("columns").get("DeviceName").asText()).isEqualTo("pc1");
    assertThat(first.get("hit").asBoolean()).isTrue();
    JsonNode span = null;
    for (JsonNode s : first.get("spans")) {
      if (s.get("field").asText().equals("CommandLine")) {
        span = s;
      }
    }
    assertThat(span).isNotNull();
    assertThat(span.get("column").asText()).isEqualTo("ProcessCommandLine");
    assertThat("whoami /all".substring(span.get("start").asInt(), span.get("end").asInt()))
        .isEqualTo("/all");
    assertThat(span.get("rule_value").asText()).isEqualTo("/all");
    assertThat(span.has("rule_line")).isTrue();

    JsonNode summary = out.get(2);
    assertThat(summary.get("query").asText()).isEqualTo(converted("microsoft_xdr"));
    assertThat(summary.get("rows").asInt()).isEqualTo(2);
    assertThat(summary.get("truncated").asBoolean()).isFalse();
  }

  @Test
  void theSpansAreTheOnesTestPrintsForTheSameRow() throws Exception {
    server.enqueue(json(200, HUNTING_ROWS));
    Run q =
        run("query", rule.toString(), "--defender", "--endpoint", endpoint(), "--format", "jsonl");
    assertThat(q.code()).as(q.err()).isZero();
    Path csv = dir.resolve("export.csv");
    Files.writeString(
        csv,
        "Timestamp,DeviceName,FolderPath,ProcessCommandLine,ProcessId\n"
            + "2026-01-02T03:04:05Z,pc1,C:\\Windows\\System32\\whoami.exe,whoami /all,4242\n"
            + "2026-01-02T03:04:06Z,pc2,C:\\Tools\\whoami.exe,whoami.exe /ALL /fo csv,7\n");
    Run t = run("test", rule.toString(), "--logs", csv.toString(), "--format", "jsonl");
    assertThat(t.code()).as(t.err()).isZero();
    List<JsonNode> rows = lines(q.out());
    List<JsonNode> hits = lines(t.out());
    assertThat(hits).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(rows.get(i).get("spans")).isEqualTo(hits.get(i).get("spans"));
    }
  }

  @Test
  void theWorkspaceTakesTheSentinelQueryAndPrintsATable() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
                + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
                + "{\"name\":\"TargetProcessName\",\"type\":\"string\"},"
                + "{\"name\":\"CommandLine\",\"type\":\"string\"}],"
                + "\"rows\":[[\"2026-01-02T03:04:05Z\",\"C:\\\\Windows\\\\whoami.exe\","
                + "\"whoami /all\"]]}]}"));
    Run r = run("query", rule.toString(), "--workspace", "ws-9", "--endpoint", endpoint());
    assertThat(r.code()).as(r.err()).isZero();
    RecordedRequest req = server.takeRequest();
    assertThat(req.getTarget()).isEqualTo("/v1/workspaces/ws-9/query");
    JsonNode body = JSON.readTree(req.getBody().utf8());
    assertThat(body.get("query").asText()).isEqualTo(converted("sentinel_asim"));
    assertThat(body.has("timespan")).isFalse();
    assertThat(r.out())
        .contains("TimeGenerated")
        .contains("whoami /all")
        .contains("CommandLine: whoami [/all]");
    assertThat(r.err()).contains("1 row").contains("matches 1 of them");
  }

  @Test
  void theClusterTakesTheAzureMonitorQueryAndTheRowLimitTruncates() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      rows.append(i == 0 ? "" : ",")
          .append("[\"2026-01-02T03:04:0")
          .append(i)
          .append("Z\",\"whoami /all\"]");
    }
    server.enqueue(
        json(
            200,
            "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
                + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
                + "\"TableName\":\"PrimaryResult\",\"Columns\":[{\"ColumnName\":\"TimeGenerated\","
                + "\"ColumnType\":\"datetime\"},{\"ColumnName\":\"CommandLine\",\"ColumnType\":"
                + "\"string\"}],\"Rows\":["
                + rows
                + "]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]"));
    Run r =
        run(
            "query",
            rule.toString(),
            "--cluster",
            "https://mycluster.westeurope.kusto.windows.net",
            "--database",
            "Logs",
            "--endpoint",
            endpoint(),
            "--max-rows",
            "3",
            "--format",
            "jsonl");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(body.get("csl").asText()).isEqualTo(converted("azure_monitor"));
    assertThat(body.get("db").asText()).isEqualTo("Logs");
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(4);
    assertThat(out.get(3).get("rows").asInt()).isEqualTo(3);
    assertThat(out.get(3).get("truncated").asBoolean()).isTrue();
  }

  @Test
  void aWorkspaceRuleAsimDoesNotServeTakesTheAzureMonitorQuery() throws Exception {
    Path security = dir.resolve("security.yml");
    Files.writeString(
        security,
        "title: Log cleared\nlogsource:\n  product: windows\n  service: security\n"
            + "detection:\n  selection:\n    EventID: 1102\n  condition: selection\n");
    Run c = run("convert", security.toString(), "--target", "azure_monitor");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(run("convert", security.toString(), "--target", "sentinel_asim").code()).isNotZero();
    server.enqueue(json(200, "{\"tables\":[]}"));
    Run r = run("query", security.toString(), "--workspace", "w", "--endpoint", endpoint());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(body.get("query").asText() + System.lineSeparator()).isEqualTo(c.out());
    assertThat(r.err()).contains("azure_monitor").contains("0 rows");
  }

  @Test
  void aRejectedQueryExitsOneWithTheServicesMessage() {
    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Failed to resolve table"
                + " 'DeviceProcessEvents' on line [1,0]\"}}"));
    Run r = run("query", rule.toString(), "--defender", "--endpoint", endpoint());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("error: Defender XDR advanced hunting rejected the query (at line 1)")
        .contains("Failed to resolve table 'DeviceProcessEvents'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aPartialResultPrintsTheRowsAndExitsOne() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"CommandLine\","
                + "\"type\":\"string\"}],\"rows\":[[\"whoami /all\"]]}],\"error\":{\"code\":"
                + "\"PartialError\",\"message\":\"There were some errors when processing your"
                + " query.\"}}"));
    Run r =
        run(
            "query",
            rule.toString(),
            "--workspace",
            "ws",
            "--endpoint",
            endpoint(),
            "--format",
            "jsonl");
    assertThat(r.code()).isEqualTo(1);
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(2);
    assertThat(out.get(1).get("partial_error").asText()).contains("There were some errors");
    assertThat(r.err()).contains("the rows may be incomplete");
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBeforeAnythingIsSent() {
    Run r = run("query", rule.toString(), "--defender", "--endpoint", "http://192.0.2.10:8080");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("refusing plain http to 192.0.2.10");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void exactlyOneServiceIsNeeded() {
    assertThat(run("query", rule.toString()).err()).contains("give one of --workspace");
    assertThat(run("query", rule.toString(), "--defender", "--workspace", "w").code()).isEqualTo(2);
    assertThat(run("query", rule.toString(), "--cluster", "https://c.kusto.windows.net").err())
        .contains("--cluster needs --database");
    assertThat(run("query", rule.toString(), "--defender", "--timespan", "yesterday").err())
        .contains("not an ISO 8601 duration");
  }

  @Test
  void anEmptyResultSaysNoRows() {
    server.enqueue(json(200, "{\"schema\":[],\"results\":[]}"));
    Run r = run("query", rule.toString(), "--defender", "--endpoint", endpoint());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("0 rows");
  }
}
