package org.sigmaworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Whether a service's error beside rows says the rows were cut at its result limit: Kusto's {@code
 * E_QUERY_RESULT_SET_TOO_LARGE} (Log Analytics, Azure Data Explorer), or the limit spelled out.
 */
final class Truncation {
  private Truncation() {}

  static boolean saysTruncated(JsonNode error) {
    String text = error.toString().toLowerCase(Locale.ROOT);
    return text.contains("e_query_result_set_too_large")
        || text.contains("result set has exceeded")
        || text.contains("resultsettoolarge")
        || text.contains("truncat");
  }
}
