package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Defender XDR advanced hunting, through Microsoft Graph: {@code POST
 * {endpoint}/v1.0/security/runHuntingQuery} with {@code {"Query", "Timespan"}}; the answer is
 * {@code {"schema": [{"name", "type"}], "results": [{column: value}]}}. Advanced hunting returns at
 * most {@value #SERVICE_ROW_LIMIT} rows: a result of that size is marked truncated.
 */
public final class DefenderHuntingQuery extends QueryAndTimespanQuery {

  /** Microsoft Graph in the public cloud. */
  public static final String ENDPOINT = "https://graph.microsoft.com";

  /** The token scope of Microsoft Graph. */
  public static final String SCOPE = "https://graph.microsoft.com/.default";

  /** The most rows advanced hunting returns for one query. */
  public static final int SERVICE_ROW_LIMIT = 100_000;

  public DefenderHuntingQuery(Endpoint endpoint, ServiceOptions options) {
    super(endpoint, SCOPE, options, "Query", "Timespan");
  }

  @Override
  public String describe() {
    return "Defender XDR advanced hunting";
  }

  @Override
  String url() {
    return endpoint.resolve("/v1.0/security/runHuntingQuery");
  }

  @Override
  QueryResult parse(JsonNode answer) throws QueryException {
    JsonNode schema = answer.path("schema");
    JsonNode results = answer.path("results");
    if (!schema.isArray() && !results.isArray()) {
      throw unreadableAnswer("without \"schema\" and \"results\"");
    }
    List<QueryResult.Column> columns = columns(schema, "name", "type");
    List<List<JsonNode>> rows = new ArrayList<>();
    for (JsonNode r : results) {
      List<JsonNode> row = new ArrayList<>(columns.size());
      for (QueryResult.Column c : columns) {
        JsonNode v = r.get(c.name());
        row.add(v == null ? JSON.nullNode() : v);
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows, rows.size() >= SERVICE_ROW_LIMIT, null);
  }

  @Override
  String forbiddenHint() {
    return "the signed-in identity may not run advanced hunting queries; it needs the Microsoft"
        + " Graph permission ThreatHunting.Read.All (granted to the app, or delegated with a"
        + " Defender XDR role that may view the data) and a token for "
        + SCOPE;
  }
}
