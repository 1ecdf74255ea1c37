package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Log Analytics workspace (Microsoft Sentinel, Azure Monitor Logs), through the Log Analytics
 * query REST API: {@code POST {endpoint}/v1/workspaces/{id}/query} with {@code {"query",
 * "timespan"}}; the answer is {@code {"tables": [{"name", "columns": [{"name", "type"}],
 * "rows"}]}}, and a partial result is a 200 with an {@code "error"} beside the tables.
 */
public final class LogAnalyticsQuery extends QueryAndTimespanQuery {

  /** The public cloud's endpoint. */
  public static final String ENDPOINT = "https://api.loganalytics.io";

  /** The token scope of the Log Analytics API. */
  public static final String SCOPE = "https://api.loganalytics.io/.default";

  private final String workspaceId;

  /**
   * @param endpoint the API's base URL ({@link #ENDPOINT} in the public cloud)
   * @param workspaceId the workspace ID (a GUID, shown on the workspace's overview)
   */
  public LogAnalyticsQuery(Endpoint endpoint, String workspaceId, ServiceOptions options) {
    super(endpoint, SCOPE, options, "query", "timespan");
    if (workspaceId == null || workspaceId.isBlank()) {
      throw new IllegalArgumentException("the workspace ID is empty");
    }
    this.workspaceId = workspaceId.strip();
  }

  @Override
  public String describe() {
    return "Log Analytics workspace " + workspaceId;
  }

  @Override
  String url() {
    return endpoint.resolve(
        "/v1/workspaces/"
            + java.net.URLEncoder.encode(workspaceId, java.nio.charset.StandardCharsets.UTF_8)
            + "/query");
  }

  @Override
  QueryResult parse(JsonNode answer) throws QueryException {
    JsonNode tables = answer.path("tables");
    if (!tables.isArray()) {
      throw unreadableAnswer("without \"tables\"");
    }
    JsonNode table = null;
    for (JsonNode t : tables) {
      if ("PrimaryResult".equals(t.path("name").asText())) {
        table = t;
        break;
      }
    }
    if (table == null && tables.size() > 0) {
      table = tables.get(0);
    }
    List<QueryResult.Column> columns = List.of();
    List<List<JsonNode>> rows = new ArrayList<>();
    if (table != null) {
      columns = columns(table.path("columns"), "name", "type");
      for (JsonNode r : table.path("rows")) {
        rows.add(row(r, columns.size()));
      }
    }
    String partial = null;
    boolean truncated = false;
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      ServiceErrors.Err err = ServiceErrors.of(error);
      partial = err.message() == null ? "the service reported an error" : err.message();
      truncated = Truncation.saysTruncated(error);
    }
    return new QueryResult(columns, rows, truncated, partial);
  }

  @Override
  String forbiddenHint() {
    return "the signed-in identity may not read workspace "
        + workspaceId
        + "; it needs a role with read access to it (Log Analytics Reader, or Microsoft Sentinel"
        + " Reader) and a token for "
        + SCOPE;
  }
}
