package org.sigmaworkbench.engine.kqleval;

import java.util.List;

/**
 * A query of the KQL subset the writer emits ({@code Table | where <predicate>}), parsed once and
 * run over rows: a test oracle for the matcher written from KQL's documented meaning, not from the
 * matcher's code.
 */
public final class KqlQuery {
  private final List<KqlParser.Query> branches;

  private KqlQuery(List<KqlParser.Query> branches) {
    this.branches = List.copyOf(branches);
  }

  /**
   * Parses a query: one table's, or a {@code union} of filtered branches.
   *
   * @throws KqlSyntaxException when the text is outside the subset
   */
  public static KqlQuery parse(String text) {
    return new KqlQuery(KqlParser.parseUnion(text));
  }

  /** The table of a one-table query, or of the first branch of a union. */
  public String table() {
    return branches.get(0).table();
  }

  /** The tables the query reads, in order (once for each branch). */
  public List<String> tables() {
    return branches.stream().map(KqlParser.Query::table).toList();
  }

  /**
   * Whether every {@code where} keeps the row (its predicate is true; null and false drop it), with
   * the columns of each {@code extend} computed on the way. For a union, whether its first branch
   * does: use {@link #keeps(String, KqlRow)} to say which table the row is of.
   */
  public boolean keeps(KqlRow row) {
    return keeps(branches.get(0), row);
  }

  /** Whether the query returns a row of a table: some branch over that table keeps it. */
  public boolean keeps(String table, KqlRow row) {
    for (KqlParser.Query q : branches) {
      if (q.table().equals(table) && keeps(q, row)) {
        return true;
      }
    }
    return false;
  }

  private static boolean keeps(KqlParser.Query q, KqlRow row) {
    KqlRow r = row.copy();
    for (KqlParser.Stage s : q.stages()) {
      if (s instanceof KqlParser.Where w) {
        if (!Boolean.TRUE.equals(new KqlEvaluator(r).eval(w.predicate()))) {
          return false;
        }
      } else {
        KqlParser.Extend x = (KqlParser.Extend) s;
        for (int i = 0; i < x.names().size(); i++) {
          r.put(x.names().get(i), new KqlEvaluator(r).eval(x.values().get(i)));
        }
      }
    }
    return true;
  }

  /** The value of a scalar expression over a row, for tests of the evaluator itself. */
  static Object value(String expression, KqlRow row) {
    return new KqlEvaluator(row).eval(KqlParser.parseExpression(expression));
  }
}
