package org.sigmaworkbench.kql;

import java.util.List;

/**
 * The outcome of writing one rule for one target.
 *
 * @param query the KQL, or {@code null} when it could not be written
 * @param table the table or function the query reads, or {@code null}
 * @param errors why the query could not be written (unmapped fields, no table, ...)
 * @param warnings what the analyst should know about a query that was written
 */
public record KqlResult(String query, String table, List<String> errors, List<String> warnings) {

  public KqlResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean ok() {
    return query != null && errors.isEmpty();
  }

  static KqlResult failure(List<String> errors) {
    return new KqlResult(null, null, errors, List.of());
  }
}
