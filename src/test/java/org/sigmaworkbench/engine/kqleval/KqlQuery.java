package org.sigmaworkbench.engine.kqleval;

import java.util.List;

/**
 * A query of the KQL subset the writer emits ({@code Table | where <predicate>}), parsed once and
 * run over rows: a test oracle for the matcher written from KQL's documented meaning, not from the
 * matcher's code.
 */
public final class KqlQuery {
  private final String table;
  private final List<KqlParser.Stage> stages;

  private KqlQuery(String table, List<KqlParser.Stage> stages) {
    this.table = table;
    this.stages = stages;
  }

  /**
   * Parses a query.
   *
   * @throws KqlSyntaxException when the text is outside the subset
   */
  public static KqlQuery parse(String text) {
    KqlParser.Query q = KqlParser.parseQuery(text);
    return new KqlQuery(q.table(), q.stages());
  }

  public String table() {
    return table;
  }

  /**
   * Whether every {@code where} keeps the row (its predicate is true; null and false drop it), with
   * the columns of each {@code extend} computed on the way.
   */
  public boolean keeps(KqlRow row) {
    KqlRow r = row.copy();
    for (KqlParser.Stage s : stages) {
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
