package org.sigmaworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The three services' protocols, spoken by a loopback server. */
class WorkspaceQueryTest {

  @StartStop final MockWebServer server = new MockWebServer();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fails the test when a credential is asked for: loopback http gets none. */
  private final AtomicBoolean credentialAsked = new AtomicBoolean();

  private ServiceOptions options(int retries) {
    return new ServiceOptions(
        () -> {
          credentialAsked.set(true);
          return null;
        },
        retries,
        Duration.ofSeconds(5));
  }

  private Endpoint endpoint() {
    String url = server.url("/").toString();
    return Endpoint.of(url);
  }

  private LogAnalyticsQuery logAnalytics() {
    return new LogAnalyticsQuery(endpoint(), "ws-1", options(3));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static JsonNode body(RecordedRequest r) throws Exception {
    return JSON.readTree(r.getBody().utf8());
  }

  private static final String LA_ROWS =
      "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
          + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
          + "{\"name\":\"CommandLine\",\"type\":\"string\"},"
          + "{\"name\":\"ProcessId\",\"type\":\"long\"},"
          + "{\"name\":\"AdditionalFields\",\"type\":\"dynamic\"},"
          + "{\"name\":\"IsElevated\",\"type\":\"bool\"}],"
          + "\"rows\":["
          + "[\"2026-01-02T03:04:05.123Z\",\"cmd /c whoami\",4242,\"{\\\"a\\\":1}\",true],"
          + "[\"2026-01-02T03:04:06Z\",\"whoami /all\",17,null,false],"
          + "[\"2026-01-02T03:04:07Z\",null,1,null,null]]}]}";

  @Test
  void logAnalyticsPostsTheQueryAndReadsEveryColumnType() throws Exception {
    server.enqueue(json(200, LA_ROWS));
    QueryResult r =
        logAnalytics().run(new QueryRequest("SecurityEvent\n| where x", "P1D", 0, null));

    RecordedRequest req = server.takeRequest();
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getTarget()).isEqualTo("/v1/workspaces/ws-1/query");
    assertThat(body(req))
        .isEqualTo(JSON.readTree("{\"query\":\"SecurityEvent\\n| where x\",\"timespan\":\"P1D\"}"));
    assertThat(req.getHeaders().get("Authorization")).isNull();
    assertThat(credentialAsked).isFalse();

    assertThat(r.columns())
        .extracting(QueryResult.Column::type)
        .containsExactly("datetime", "string", "long", "dynamic", "bool");
    assertThat(r.rows()).hasSize(3);
    assertThat(r.truncated()).isFalse();
    assertThat(r.partialError()).isNull();
    List<JsonNode> first = r.rows().get(0);
    assertThat(QueryResult.text(first.get(0))).isEqualTo("2026-01-02T03:04:05.123Z");
    assertThat(first.get(2).isIntegralNumber()).isTrue();
    assertThat(QueryResult.text(first.get(2))).isEqualTo("4242");
    assertThat(QueryResult.text(first.get(4))).isEqualTo("true");
    assertThat(QueryResult.text(r.rows().get(2).get(1))).isNull();
  }

  @Test
  void noTimespanMeansNoTimespanField() throws Exception {
    server.enqueue(json(200, "{\"tables\":[]}"));
    logAnalytics().run(new QueryRequest("T"));
    assertThat(body(server.takeRequest())).isEqualTo(JSON.readTree("{\"query\":\"T\"}"));
  }

  @Test
  void anEmptyResultHasItsColumnsAndNoRows() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"A\",\"type\":\"string\"}],\"rows\":[]}]}"));
    QueryResult r = logAnalytics().run(new QueryRequest("T"));
    assertThat(r.columnNames()).containsExactly("A");
    assertThat(r.rows()).isEmpty();
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void aRejectedQueryCarriesTheServicesMessageAndPosition() {
    server.enqueue(
        json(
            400,
            "{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":"
                + "\"BadArgumentError\",\"correlationId\":\"c\",\"innererror\":{\"code\":"
                + "\"SyntaxError\",\"message\":\"A recognition error occurred in the query.\","
                + "\"innererror\":{\"code\":\"SYN0002\",\"message\":\"Query could not be parsed"
                + " at 'wher' on line [2,3]\",\"line\":2,\"pos\":3,\"token\":\"wher\"}}}}"));
    assertThatThrownBy(() -> logAnalytics().run(new QueryRequest("T\n| wher x")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.BAD_QUERY);
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(3);
              assertThat(e.code()).isEqualTo("BadArgumentError");
              assertThat(e.getMessage())
                  .contains("rejected the query (at line 2, column 3)")
                  .contains("Query could not be parsed at 'wher' on line [2,3]");
            });
  }

  @Test
  void unauthorizedNamesTheScope() {
    server.enqueue(
        json(401, "{\"error\":{\"code\":\"InvalidTokenError\",\"message\":\"token expired\"}}"));
    assertThatThrownBy(() -> logAnalytics().run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.UNAUTHORIZED);
              assertThat(e.getMessage())
                  .contains("https://api.loganalytics.io/.default")
                  .contains("token expired");
            });
  }

  @Test
  void forbiddenNamesTheMissingRole() {
    server.enqueue(
        json(
            403,
            "{\"error\":{\"code\":\"InsufficientAccessError\",\"message\":\"The provided"
                + " credentials have insufficient access to perform the requested operation\"}}"));
    assertThatThrownBy(() -> logAnalytics().run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.FORBIDDEN);
              assertThat(e.getMessage())
                  .contains("Log Analytics Reader")
                  .contains("insufficient access");
            });
  }

  @Test
  void throttlingIsRetriedAfterTheWaitAsked() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "1")
            .body("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
            .build());
    server.enqueue(json(200, LA_ROWS));
    QueryResult r = logAnalytics().run(new QueryRequest("T"));
    assertThat(r.rows()).hasSize(3);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(body(server.takeRequest())).isEqualTo(body(server.takeRequest()));
  }

  @Test
  void throttlingPastTheRetriesIsAnError() {
    LogAnalyticsQuery q = new LogAnalyticsQuery(endpoint(), "ws-1", options(1));
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "0")
              .body("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
              .build());
    }
    assertThatThrownBy(() -> q.run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.THROTTLED);
              assertThat(e.getMessage()).contains("slow down").contains("after 1 retry");
            });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aWaitLongerThanAllowedIsNotWaitedFor() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    assertThatThrownBy(() -> logAnalytics().run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.THROTTLED);
              assertThat(e.getMessage()).contains("asks to wait 3600 s");
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theRowLimitTruncates() throws Exception {
    server.enqueue(json(200, LA_ROWS));
    QueryResult r = logAnalytics().run(new QueryRequest("T", null, 2, null));
    assertThat(r.rows()).hasSize(2);
    assertThat(r.truncated()).isTrue();

    server.enqueue(json(200, LA_ROWS));
    QueryResult exact = logAnalytics().run(new QueryRequest("T", null, 3, null));
    assertThat(exact.rows()).hasSize(3);
    assertThat(exact.truncated()).isFalse();
  }

  @Test
  void aPartialResultKeepsItsRowsAndSaysSo() throws Exception {
    String partial =
        LA_ROWS.substring(0, LA_ROWS.length() - 1)
            + ",\"error\":{\"code\":\"PartialError\",\"message\":\"There were some errors when"
            + " processing your query.\",\"details\":[{\"code\":\"EngineError\",\"message\":"
            + "\"Something went wrong processing your query on the server.\",\"innererror\":"
            + "{\"code\":\"-2133196797\",\"message\":\"Query execution lacks memory\"}}]}}";
    server.enqueue(json(200, partial));
    QueryResult r = logAnalytics().run(new QueryRequest("T"));
    assertThat(r.rows()).hasSize(3);
    assertThat(r.partialError()).contains("Query execution lacks memory");
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void theServiceCuttingItsResultIsTruncation() throws Exception {
    String cut =
        LA_ROWS.substring(0, LA_ROWS.length() - 1)
            + ",\"error\":{\"code\":\"PartialError\",\"message\":\"There were some errors\","
            + "\"details\":[{\"code\":\"QueryExecutionError\",\"message\":\"Query result set has"
            + " exceeded the internal record count limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE;"
            + " see https://aka.ms/kustoquerylimits)\"}]}}";
    server.enqueue(json(200, cut));
    QueryResult r = logAnalytics().run(new QueryRequest("T"));
    assertThat(r.truncated()).isTrue();
    assertThat(r.partialError()).contains("E_QUERY_RESULT_SET_TOO_LARGE");
  }

  @Test
  void anAttemptPastTheTimeoutIsGivenUp() {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(10, TimeUnit.SECONDS)
            .body("{\"tables\":[]}")
            .build());
    assertThatThrownBy(
            () -> logAnalytics().run(new QueryRequest("T", null, 0, Duration.ofMillis(300))))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.TIMEOUT);
              assertThat(e.getMessage()).contains("no answer within 300 ms");
            });
  }

  @Test
  void cancellingAbortsTheCallUnderWay() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(30, TimeUnit.SECONDS)
            .body("{\"tables\":[]}")
            .build());
    CountDownLatch heard = new CountDownLatch(1);
    AtomicReference<QueryException> failure = new AtomicReference<>();
    RowMatcher none = null;
    WorkspaceRun run =
        WorkspaceRun.start(
            logAnalytics(),
            new QueryRequest("T"),
            none,
            new WorkspaceRun.Listener() {
              @Override
              public void rows(QueryResult result, List<MatchedRow> rows) {
                heard.countDown();
              }

              @Override
              public void failed(QueryException error) {
                failure.set(error);
                heard.countDown();
              }
            });
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(run.isDone()).isFalse();
    run.cancel();
    assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(run.isDone()).isTrue();
    assertThat(failure.get().kind()).isEqualTo(QueryException.Kind.CANCELLED);
  }

  @Test
  void aCancelledFutureEndsAsCancelled() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).build());
    CompletableFuture<QueryResult> f = logAnalytics().submit(new QueryRequest("T"));
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(f.cancel(true)).isTrue();
    assertThat(f.isCancelled()).isTrue();
  }

  // Azure Data Explorer

  private DataExplorerQuery dataExplorer() {
    return new DataExplorerQuery(
        endpoint(), "https://help.kusto.windows.net", "Samples", "TimeGenerated", options(3));
  }

  private static String frames(String primaryRows, String completion) {
    return "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
        + "{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\","
        + "\"TableName\":\"@ExtendedProperties\",\"Columns\":[{\"ColumnName\":\"TableId\","
        + "\"ColumnType\":\"int\"}],\"Rows\":[[1]]},"
        + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
        + "\"TableName\":\"PrimaryResult\",\"Columns\":["
        + "{\"ColumnName\":\"TimeGenerated\",\"ColumnType\":\"datetime\"},"
        + "{\"ColumnName\":\"CommandLine\",\"ColumnType\":\"string\"},"
        + "{\"ColumnName\":\"Count\",\"ColumnType\":\"long\"},"
        + "{\"ColumnName\":\"Extra\",\"ColumnType\":\"dynamic\"},"
        + "{\"ColumnName\":\"Ok\",\"ColumnType\":\"bool\"}],"
        + "\"Rows\":["
        + primaryRows
        + "]},"
        + "{\"FrameType\":\"DataSetCompletion\","
        + completion
        + "}]";
  }

  @Test
  void dataExplorerPostsDbCslPropertiesAndReadsThePrimaryResult() throws Exception {
    server.enqueue(
        json(
            200,
            frames(
                "[\"2026-01-02T03:04:05Z\",\"cmd /c whoami\",3,{\"k\":\"v\"},true]",
                "\"HasErrors\":false,\"Cancelled\":false")));
    QueryResult r = dataExplorer().run(new QueryRequest("SecurityEvent | take 1", "PT1H", 0, null));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getTarget()).isEqualTo("/v2/rest/query");
    assertThat(req.getHeaders().get("Authorization")).isNull();
    JsonNode b = body(req);
    assertThat(b.get("db").asText()).isEqualTo("Samples");
    assertThat(b.get("csl").asText()).isEqualTo("SecurityEvent | take 1");
    JsonNode opts = b.get("properties").get("Options");
    assertThat(opts.get("query_datetimescope_column").asText()).isEqualTo("TimeGenerated");
    assertThat(
            Duration.between(
                java.time.Instant.parse(opts.get("query_datetimescope_from").asText()),
                java.time.Instant.parse(opts.get("query_datetimescope_to").asText())))
        .isEqualTo(Duration.ofHours(1));
    assertThat(r.columns())
        .extracting(QueryResult.Column::type)
        .containsExactly("datetime", "string", "long", "dynamic", "bool");
    assertThat(r.rows()).hasSize(1);
    assertThat(QueryResult.text(r.rows().get(0).get(3))).isEqualTo("{\"k\":\"v\"}");
    assertThat(r.partialError()).isNull();
  }

  @Test
  void dataExplorerErrorsInTheCompletionArePartialResults() throws Exception {
    server.enqueue(
        json(
            200,
            frames(
                "[\"2026-01-02T03:04:05Z\",\"a\",1,null,true]",
                "\"HasErrors\":true,\"Cancelled\":false,\"OneApiErrors\":[{\"error\":{\"code\":"
                    + "\"LimitsExceeded\",\"message\":\"Request is invalid and cannot be"
                    + " executed.\",\"@type\":\"Kusto.DataNode.Exceptions.KustoQueryRunawayException\","
                    + "\"@message\":\"Query execution has exceeded the allowed limits"
                    + " (80DA0001): The results of this query exceed the set limit of 500000"
                    + " records, so not all records were returned (E_QUERY_RESULT_SET_TOO_LARGE,"
                    + " 0x80DA0003).\",\"@permanent\":false}}]")));
    QueryResult r = dataExplorer().run(new QueryRequest("T"));
    assertThat(r.rows()).hasSize(1);
    assertThat(r.truncated()).isTrue();
    assertThat(r.partialError()).contains("exceeded the allowed limits");

    server.enqueue(
        json(
            200,
            frames(
                "[\"2026-01-02T03:04:05Z\",\"a\",1,null,true],{\"OneApiErrors\":[{\"error\":"
                    + "{\"code\":\"InternalServiceError\",\"message\":\"a node failed\"}}]}",
                "\"HasErrors\":true,\"Cancelled\":false")));
    QueryResult broken = dataExplorer().run(new QueryRequest("T"));
    assertThat(broken.rows()).hasSize(1);
    assertThat(broken.truncated()).isFalse();
    assertThat(broken.partialError()).contains("a node failed");
  }

  @Test
  void dataExplorerSyntaxErrorsGiveTheirPosition() {
    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":\"General_BadRequest\",\"message\":\"Request is invalid and"
                + " cannot be executed.\",\"@type\":\"Kusto.Data.Exceptions.SyntaxException\","
                + "\"@message\":\"Syntax error: SYN0002: Query could not be parsed at 'wher'"
                + " [line:position=1:16]\",\"@permanent\":true}}"));
    assertThatThrownBy(() -> dataExplorer().run(new QueryRequest("SecurityEvent | wher x")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.BAD_QUERY);
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(16);
              assertThat(e.getMessage()).contains("Syntax error: SYN0002");
            });
  }

  @Test
  void dataExplorerForbiddenNamesTheRoleAndTheClusterScope() {
    server.enqueue(json(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"denied\"}}"));
    assertThatThrownBy(() -> dataExplorer().run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("Viewer role")
                    .contains("Samples")
                    .contains("https://help.kusto.windows.net/.default"));
  }

  // Defender XDR advanced hunting

  private DefenderHuntingQuery defender() {
    return new DefenderHuntingQuery(endpoint(), options(3));
  }

  @Test
  void huntingPostsQueryAndTimespanAndReadsSchemaAndResults() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#microsoft.graph."
                + "security.huntingQueryResults\",\"schema\":["
                + "{\"name\":\"Timestamp\",\"type\":\"DateTime\"},"
                + "{\"name\":\"ProcessCommandLine\",\"type\":\"String\"},"
                + "{\"name\":\"ProcessId\",\"type\":\"Int64\"},"
                + "{\"name\":\"AdditionalFields\",\"type\":\"Object\"},"
                + "{\"name\":\"IsElevated\",\"type\":\"Boolean\"}],"
                + "\"results\":[{\"Timestamp\":\"2026-01-02T03:04:05Z\",\"ProcessCommandLine\":"
                + "\"whoami\",\"ProcessId\":12,\"AdditionalFields\":{\"x\":1},\"IsElevated\":false},"
                + "{\"Timestamp\":\"2026-01-02T03:04:06Z\",\"ProcessCommandLine\":\"id\"}]}"));
    QueryResult r =
        defender().run(new QueryRequest("DeviceProcessEvents | take 2", "P7D", 0, null));
    RecordedRequest req = server.takeRequest();
    assertThat(req.getTarget()).isEqualTo("/v1.0/security/runHuntingQuery");
    assertThat(req.getHeaders().get("Authorization")).isNull();
    assertThat(body(req))
        .isEqualTo(
            JSON.readTree("{\"Query\":\"DeviceProcessEvents | take 2\",\"Timespan\":\"P7D\"}"));
    assertThat(r.columns())
        .extracting(QueryResult.Column::type)
        .containsExactly("datetime", "string", "long", "dynamic", "bool");
    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows().get(1).get(2).isNull()).isTrue();
    assertThat(QueryResult.text(r.rows().get(0).get(4))).isEqualTo("false");
  }

  @Test
  void huntingMarksAResultAtItsRowLimitTruncated() throws Exception {
    StringBuilder b =
        new StringBuilder("{\"schema\":[{\"name\":\"A\",\"type\":\"Int32\"}],\"results\":[");
    for (int i = 0; i < DefenderHuntingQuery.SERVICE_ROW_LIMIT; i++) {
      b.append(i == 0 ? "" : ",").append("{\"A\":").append(i % 10).append('}');
    }
    server.enqueue(json(200, b.append("]}").toString()));
    QueryResult full = defender().run(new QueryRequest("T"));
    assertThat(full.rows()).hasSize(DefenderHuntingQuery.SERVICE_ROW_LIMIT);
    assertThat(full.truncated()).isTrue();

    server.enqueue(
        json(200, "{\"schema\":[{\"name\":\"A\",\"type\":\"Int32\"}],\"results\":[{\"A\":1}]}"));
    assertThat(defender().run(new QueryRequest("T")).truncated()).isFalse();
  }

  @Test
  void huntingForbiddenNamesThePermission() {
    server.enqueue(
        json(
            403,
            "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role\",\"innerError\":"
                + "{\"date\":\"2026-01-01T00:00:00\",\"request-id\":\"r\"}}}"));
    assertThatThrownBy(() -> defender().run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.FORBIDDEN);
              assertThat(e.getMessage())
                  .contains("ThreatHunting.Read.All")
                  .contains("https://graph.microsoft.com/.default")
                  .contains("Missing role");
            });
  }

  @Test
  void huntingRejectionsGiveTheLineAndColumn() {
    server.enqueue(
        json(
            400,
            "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Query could not be parsed at"
                + " '|' on line [1,21]\"}}"));
    assertThatThrownBy(() -> defender().run(new QueryRequest("DeviceProcessEvents | |")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(21);
            });
  }

  @Test
  void anAnswerThatIsNotTheProtocolIsAServiceError() {
    server.enqueue(json(200, "<html>proxy login</html>"));
    assertThatThrownBy(() -> defender().run(new QueryRequest("T")))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryException.Kind.SERVICE);
              assertThat(e.getMessage()).contains("not JSON");
            });
  }
}
