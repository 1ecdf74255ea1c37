package org.sigmaworkbench.engine.kqleval;

/**
 * A query of the KQL subset the writer emits ({@code Table | where <predicate>}), parsed once and
 * run over rows: a test oracle for the matcher written from KQL's documented meaning, not from the
 * matcher's code.
 */
public final class KqlQuery {
  private final String table;
  private final KqlAst where;

  private KqlQuery(String table, KqlAst where) {
    this.table = table;
    this.where = where;
  }

  /**
   * Parses a query.
   *
   * @throws KqlSyntaxException when the text is outside the subset
   */
  public static KqlQuery parse(String text) {
    KqlParser.Query q = KqlParser.parseQuery(text);
    return new KqlQuery(q.table(), q.where());
  }

  public String table() {
    return table;
  }

  /** Whether {@code where} keeps the row: the predicate is true (null and false drop it). */
  public boolean keeps(KqlRow row) {
    return Boolean.TRUE.equals(new KqlEvaluator(row).eval(where));
  }

  /** The value of a scalar expression over a row, for tests of the evaluator itself. */
  static Object value(String expression, KqlRow row) {
    return new KqlEvaluator(row).eval(KqlParser.parseExpression(expression));
  }
}
