package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An Azure Data Explorer database, through the Kusto REST API v2: {@code POST
 * {cluster}/v2/rest/query} with {@code {"db", "csl", "properties"}}; the answer is a JSON array of
 * frames: {@code DataSetHeader}, {@code DataTable}s (the rows in the one of {@code TableKind}
 * {@code PrimaryResult}), and {@code DataSetCompletion} with {@code HasErrors} and {@code
 * OneApiErrors} when the rows are partial.
 */
public final class DataExplorerQuery extends HttpQuery {

  private final String cluster;
  private final String database;
  private final String timeColumn;

  /**
   * @param endpoint where requests go: the cluster's URL, or a stand-in for it
   * @param cluster the cluster's URL, whose {@code /.default} is the token scope
   * @param database the database the query runs in
   * @param timeColumn the column a {@code timespan} limits ({@code TimeGenerated}), through the
   *     request properties {@code query_datetimescope_*}
   */
  public DataExplorerQuery(
      Endpoint endpoint,
      String cluster,
      String database,
      String timeColumn,
      ServiceOptions options) {
    super(endpoint, scopeOf(cluster), options);
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("the database name is empty");
    }
    this.cluster = Endpoint.of(cluster).base();
    this.database = database.strip();
    this.timeColumn = timeColumn == null ? "TimeGenerated" : timeColumn;
  }

  /** The token scope of a cluster: its URL with {@code /.default}. */
  public static String scopeOf(String cluster) {
    return Endpoint.of(cluster).base() + "/.default";
  }

  @Override
  public String describe() {
    return "Azure Data Explorer database " + database + " on " + cluster;
  }

  @Override
  String url() {
    return endpoint.resolve("/v2/rest/query");
  }

  @Override
  ObjectNode body(QueryRequest request) {
    ObjectNode b = JSON.createObjectNode();
    b.put("db", database);
    b.put("csl", request.query());
    ObjectNode properties = b.putObject("properties");
    ObjectNode opts = properties.putObject("Options");
    opts.put("servertimeout", serverTimeout(request));
    if (request.timespan() != null) {
      Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      opts.put("query_datetimescope_column", timeColumn);
      opts.put("query_datetimescope_from", to.minus(request.timespanDuration()).toString());
      opts.put("query_datetimescope_to", to.toString());
    }
    return b;
  }

  private static String serverTimeout(QueryRequest r) {
    long s = Math.max(1, Math.min(r.timeout().toSeconds(), 3600));
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  @Override
  QueryResult parse(JsonNode answer) throws QueryException {
    if (!answer.isArray()) {
      throw unreadableAnswer("without the v2 frames (a JSON array)");
    }
    List<QueryResult.Column> columns = List.of();
    List<List<JsonNode>> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    boolean truncated = false;
    boolean primarySeen = false;
    for (JsonNode frame : answer) {
      String type = frame.path("FrameType").asText();
      if (type.equals("DataTable") && frame.path("TableKind").asText().equals("PrimaryResult")) {
        if (primarySeen) {
          continue;
        }
        primarySeen = true;
        columns = columns(frame.path("Columns"), "ColumnName", "ColumnType");
        for (JsonNode r : frame.path("Rows")) {
          if (r.isArray()) {
            rows.add(row(r, columns.size()));
          } else {
            // An error in place of a row: the rows before it are all there is.
            truncated |= collect(r.path("OneApiErrors"), errors);
          }
        }
      } else if (type.equals("DataSetCompletion") && frame.path("HasErrors").asBoolean(false)) {
        truncated |= collect(frame.path("OneApiErrors"), errors);
        if (errors.isEmpty()) {
          errors.add("the service reported errors with the result");
        }
      } else if (type.equals("DataSetCompletion") && frame.path("Cancelled").asBoolean(false)) {
        errors.add("the service cancelled the query");
      }
    }
    if (!primarySeen && !errors.isEmpty()) {
      throw new QueryException(
          QueryException.Kind.SERVICE, describe() + ": " + String.join("; ", errors));
    }
    return new QueryResult(
        columns, rows, truncated, errors.isEmpty() ? null : String.join("; ", errors));
  }

  /** Adds the messages of OneApiErrors; whether one says the result was cut at a limit. */
  private static boolean collect(JsonNode oneApiErrors, List<String> out) {
    boolean truncated = false;
    for (JsonNode e : oneApiErrors) {
      ServiceErrors.Err err = ServiceErrors.of(e.has("error") ? e.get("error") : e);
      String m = err.message() == null ? err.code() : err.message();
      if (m != null && !out.contains(m)) {
        out.add(m);
      }
      truncated |= Truncation.saysTruncated(e);
    }
    return truncated;
  }

  @Override
  String forbiddenHint() {
    return "the signed-in identity may not query database "
        + database
        + "; it needs the Viewer role (or higher) on it and a token for "
        + scope();
  }
}
