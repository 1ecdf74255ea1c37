package org.sigmaworkbench.kql;

import java.util.List;
import org.sigmaworkbench.mapping.Reach;
import org.sigmaworkbench.mapping.Target;

/**
 * The outcome of writing one rule for one target.
 *
 * @param query the KQL, or {@code null} when it could not be written
 * @param table the table or function the query reads (the first, for a union), or {@code null}
 * @param errors why the query could not be written (unmapped fields, no table, ...)
 * @param warnings what the analyst should know about a query that was written
 * @param reads every table the query reads with the source of it that holds the rule's events (one,
 *     or the branches of a union); empty when not known (a correlation) or not written
 */
public record KqlResult(
    String query,
    String table,
    List<String> errors,
    List<String> warnings,
    List<Target.Branch> reads)
    implements Reach.Query {

  public KqlResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    reads = List.copyOf(reads);
  }

  public KqlResult(String query, String table, List<String> errors, List<String> warnings) {
    this(query, table, errors, warnings, List.of());
  }

  @Override
  public boolean ok() {
    return query != null && errors.isEmpty();
  }

  /** The names of the tables the query reads, in order, each once. */
  public List<String> tables() {
    if (reads.isEmpty()) {
      return table == null ? List.of() : List.of(table);
    }
    return reads.stream().map(b -> b.table().name()).distinct().toList();
  }

  static KqlResult failure(List<String> errors) {
    return new KqlResult(null, null, errors, List.of());
  }
}
