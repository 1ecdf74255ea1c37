package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service whose request body is the query and, when the request has one, its timespan, each under
 * the name the service gives it: Log Analytics ({@code {"query", "timespan"}}) and Defender XDR
 * advanced hunting ({@code {"Query", "Timespan"}}).
 */
abstract class QueryAndTimespanQuery extends HttpQuery {

  private final String queryName;
  private final String timespanName;

  QueryAndTimespanQuery(
      Endpoint endpoint,
      String scope,
      ServiceOptions options,
      String queryName,
      String timespanName) {
    super(endpoint, scope, options);
    this.queryName = queryName;
    this.timespanName = timespanName;
  }

  @Override
  final ObjectNode body(QueryRequest request) {
    ObjectNode b = JSON.createObjectNode();
    b.put(queryName, request.query());
    if (request.timespan() != null) {
      b.put(timespanName, request.timespan());
    }
    return b;
  }
}
