package org.sigmaworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;
import org.sigmaworkbench.workspace.WorkspaceConnection.Part;
import org.sigmaworkbench.workspace.WorkspaceConnection.Service;

/** A connection as a window fills it in: its checks, its name, and a run on a loopback server. */
class WorkspaceConnectionTest {

  @StartStop final MockWebServer server = new MockWebServer();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Rows of imProcessCreate: the first matches the headline rule, the second does not. */
  static final String ROWS =
      "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
          + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
          + "{\"name\":\"DvcHostname\",\"type\":\"string\"},"
          + "{\"name\":\"TargetProcessName\",\"type\":\"string\"},"
          + "{\"name\":\"TargetProcessCommandLine\",\"type\":\"string\"}],"
          + "\"rows\":["
          + "[\"2026-01-02T03:04:05Z\",\"pc1\",\"C:\\\\Windows\\\\powershell.exe\","
          + "\"powershell Export-PfxCertificate -Cert $c -FilePath a.pfx\"],"
          + "[\"2026-01-02T03:04:06Z\",\"pc2\",\"C:\\\\Windows\\\\cmd.exe\",\"cmd /c dir\"]]}]}";

  private static WorkspaceConnection la(String id, String endpoint) {
    return new WorkspaceConnection(
        Service.LOG_ANALYTICS, id, "", "", endpoint, "P1D", "1000", SignIn.AUTO);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void eachWrongValueHasItsOwnMessage() {
    assertThat(WorkspaceConnection.defaults().problems()).containsOnlyKeys(Part.WORKSPACE);
    assertThat(la("abc", "").valid()).isTrue();
    assertThat(la("a b", "").problems()).containsOnlyKeys(Part.WORKSPACE);

    WorkspaceConnection plainHttp = la("abc", "http://example.com");
    assertThat(plainHttp.problems()).containsOnlyKeys(Part.ENDPOINT);
    assertThat(plainHttp.problems().get(Part.ENDPOINT))
        .startsWith("Refusing plain http to example.com")
        .endsWith(".");
    assertThat(la("abc", "http://127.0.0.1:8080").valid()).isTrue();
    assertThat(la("abc", "ftp://x").problems()).containsOnlyKeys(Part.ENDPOINT);

    WorkspaceConnection bad =
        new WorkspaceConnection(
            Service.LOG_ANALYTICS, "abc", "", "", "", "one day", "0", SignIn.AUTO);
    assertThat(bad.problems()).containsOnlyKeys(Part.TIMESPAN, Part.MAX_ROWS);
    assertThat(bad.problems().get(Part.TIMESPAN)).contains("ISO 8601");
    assertThat(la("abc", "").withMaxRows("12x").problems()).containsOnlyKeys(Part.MAX_ROWS);
    assertThat(la("abc", "").withMaxRows("100001").problems()).containsOnlyKeys(Part.MAX_ROWS);
    assertThat(la("abc", "").withMaxRows("100000").valid()).isTrue();

    WorkspaceConnection adx =
        new WorkspaceConnection(Service.DATA_EXPLORER, "", "", "", "", "", "10", SignIn.AUTO);
    assertThat(adx.problems()).containsOnlyKeys(Part.CLUSTER, Part.DATABASE);
    WorkspaceConnection defender =
        new WorkspaceConnection(Service.DEFENDER, "", "", "", "", "PT12H", "10", SignIn.AUTO);
    assertThat(defender.valid()).isTrue();
    assertThatThrownBy(() -> WorkspaceConnection.defaults().request("T"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workspace ID");
  }

  @Test
  void theSourceIsNamedAfterTheWorkspaceTheClusterOrDefender() {
    assertThat(la("1234abcd-0000-1111-2222-333344445555", "").sourceName())
        .isEqualTo("workspace 1234abcd…");
    assertThat(la("short", "").sourceName()).isEqualTo("workspace short");
    assertThat(
            new WorkspaceConnection(
                    Service.DATA_EXPLORER,
                    "",
                    "https://help.kusto.windows.net",
                    "Samples",
                    "",
                    "",
                    "10",
                    SignIn.AUTO)
                .sourceName())
        .isEqualTo("help/Samples");
    assertThat(
            new WorkspaceConnection(Service.DEFENDER, "", "", "", "", "", "10", null).sourceName())
        .isEqualTo("Defender XDR");
  }

  private record Outcome(List<MatchedRow> rows, QueryException error) {}

  private Outcome run(WorkspaceConnection c, String query, Written w) throws Exception {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    c.start(
        query,
        w.rule(),
        w.target(),
        w.kql(),
        m -> {},
        new WorkspaceRun.Listener() {
          @Override
          public void rows(QueryResult result, List<MatchedRow> rows) {
            done.complete(new Outcome(rows, null));
          }

          @Override
          public void failed(QueryException error) {
            done.complete(new Outcome(null, error));
          }
        });
    return done.get(20, TimeUnit.SECONDS);
  }

  private record Written(CompiledRule rule, Target target, KqlResult kql) {}

  private static Written headline() throws Exception {
    SigmaRule r = new RuleLoader().load(TestFiles.headlineRuleText(), "rule.yml").rules().get(0);
    Target t = TargetCatalog.get("sentinel_asim");
    return new Written(CompiledRule.compile(r), t, new KqlWriter(t).write(r));
  }

  @Test
  void theQuerySentIsTheTextGivenAndItsRowsComeBackMatchedAsEventsOfTheWorkspace()
      throws Exception {
    server.enqueue(json(200, ROWS));
    Written w = headline();
    String query = w.kql().query();
    WorkspaceConnection c = la("1234abcd-5678", server.url("/").toString());

    Outcome o = run(c, query, w);

    RecordedRequest req = server.takeRequest();
    assertThat(req.getTarget()).isEqualTo("/v1/workspaces/1234abcd-5678/query");
    assertThat(JSON.readTree(req.getBody().utf8()).get("query").asText()).isEqualTo(query);
    assertThat(JSON.readTree(req.getBody().utf8()).get("timespan").asText()).isEqualTo("P1D");
    assertThat(req.getHeaders().get("Authorization")).isNull();
    assertThat(o.error()).isNull();
    assertThat(o.rows()).hasSize(2);
    MatchedRow hit = o.rows().get(0);
    assertThat(hit.event().file()).isEqualTo("workspace 1234abcd…");
    assertThat(hit.hit()).isTrue();
    assertThat(hit.spans()).extracting(MatchSpan::field).containsOnly("CommandLine");
    MatchSpan span = hit.spans().get(0);
    String line = hit.event().get("CommandLine");
    assertThat(line.substring(span.start(), span.end())).isEqualTo("Export-PfxCertificate ");
    assertThat(o.rows().get(1).hit()).isFalse();
  }

  @Test
  void aRejectedQueryIsOneSentenceWithThePosition() throws Exception {
    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":\"BadArgumentError\",\"message\":\"The request had some invalid"
                + " properties\",\"innererror\":{\"code\":\"SyntaxError\",\"message\":\"A"
                + " recognition error occurred.\",\"line\":2,\"pos\":7}}}"));
    Written w = headline();
    Outcome o = run(la("ws1", server.url("/").toString()), w.kql().query(), w);
    assertThat(o.error().kind()).isEqualTo(QueryException.Kind.BAD_QUERY);
    String s = WorkspaceConnection.sentence(o.error());
    assertThat(s)
        .startsWith("Log Analytics workspace ws1 rejected the query (at line 2, column 7)")
        .contains("A recognition error occurred")
        .endsWith(".")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void aForbiddenAnswerSaysWhatIsMissing() throws Exception {
    server.enqueue(
        json(403, "{\"error\":{\"code\":\"InsufficientAccessError\",\"message\":\"no\"}}"));
    Written w = headline();
    Outcome o = run(la("ws1", server.url("/").toString()), w.kql().query(), w);
    assertThat(o.error().kind()).isEqualTo(QueryException.Kind.FORBIDDEN);
    assertThat(WorkspaceConnection.sentence(o.error()))
        .startsWith("Log Analytics workspace ws1 refused the query")
        .endsWith(".");
  }

  @Test
  void theRowLimitCutsTheRowsAndMarksThemTruncated() throws Exception {
    server.enqueue(json(200, ROWS));
    Written w = headline();
    WorkspaceConnection c = la("ws1", server.url("/").toString()).withMaxRows("1");
    Outcome o = run(c, w.kql().query(), w);
    assertThat(o.rows()).hasSize(1);
  }

  @Test
  void aCancelledQueryIsWordedAsStopped() {
    assertThat(
            WorkspaceConnection.sentence(
                new QueryException(QueryException.Kind.CANCELLED, "the query was cancelled")))
        .isEqualTo("The query was stopped.");
  }
}
