package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.Predicate;

/**
 * Writes a {@link Cond} as a KQL expression, with the fewest parentheses that keep its meaning
 * ({@code and} binds tighter than {@code or}) and runs of equality on one value written as one
 * {@code in~} (or {@code in}) list.
 */
final class CondWriter {

  private static final int OR = 1;
  private static final int AND = 2;
  private static final int ATOM = 3;

  /**
   * Longest run of terms joined by one operator. KQL parses {@code a or b or c} as a chain as deep
   * as it is long, and Kusto refuses chains of a few hundred; longer runs are written as
   * parenthesized groups, which means the same.
   */
  static final int MAX_CHAIN = 64;

  /** Text of a sub-expression and how tightly it binds. */
  private record Part(String text, int precedence) {}

  private CondWriter() {}

  static String write(Cond c) {
    return part(c, 0).text();
  }

  /**
   * @param negations how many {@code not()} enclose {@code c}: a comparison that is null when its
   *     value does not convert must read as false there (see {@link PredicateWriter#write})
   */
  private static Part part(Cond c, int negations) {
    if (c instanceof Cond.Constant k) {
      return new Part(k.value() ? "true" : "false", ATOM);
    }
    if (c instanceof Cond.Negation n) {
      return new Part("not(" + part(n.term(), negations + 1).text() + ")", ATOM);
    }
    if (c instanceof Cond.Junction j && j.all()) {
      List<String> parts = new ArrayList<>();
      for (Cond t : j.terms()) {
        Part p = part(t, negations);
        parts.add(p.precedence() < AND ? "(" + p.text() + ")" : p.text());
      }
      return new Part(chain(parts, " and "), AND);
    }
    if (c instanceof Cond.Junction j) {
      return any(j.terms(), negations);
    }
    if (c instanceof Cond.Test t) {
      return new Part(
          PredicateWriter.write(t.column(), t.predicate(), negations > 0),
          PredicateWriter.guarded(t.predicate()) ? AND : ATOM);
    }
    if (c instanceof Cond.Columns f) {
      return new Part(PredicateWriter.compareColumns(f), AND);
    }
    return new Part(PredicateWriter.keyword(((Cond.Keyword) c).predicate()), ATOM);
  }

  /** The key under which consecutive terms share one list, or {@code null}. */
  private record ListKey(String column, String operator) {}

  private static ListKey listKey(Cond c) {
    if (!(c instanceof Cond.Test t)) {
      return null;
    }
    if (t.predicate() instanceof Predicate.StringMatch s
        && s.op() == Predicate.StringOp.EQUALS
        && !s.text().isEmpty()
        && !PredicateWriter.lowered(s)) {
      return new ListKey(t.column().asString(), s.cased() ? "in" : "in~");
    }
    if (t.predicate() instanceof Predicate.Compare n && n.op() == Predicate.CompareOp.EQ) {
      return new ListKey(PredicateWriter.numeric(t.column(), n.number()), "in");
    }
    return null;
  }

  private static String listValue(Cond c) {
    Cond.Test t = (Cond.Test) c;
    if (t.predicate() instanceof Predicate.StringMatch s) {
      return KqlStrings.quote(s.text());
    }
    return PredicateWriter.number(((Predicate.Compare) t.predicate()).number());
  }

  private static Part any(List<Cond> terms, int negations) {
    List<String> parts = new ArrayList<>();
    boolean onlyList = false;
    int i = 0;
    while (i < terms.size()) {
      ListKey key = listKey(terms.get(i));
      int j = i + 1;
      while (key != null && j < terms.size() && key.equals(listKey(terms.get(j)))) {
        j++;
      }
      if (j - i > 1) {
        List<String> values = new ArrayList<>();
        for (int k = i; k < j; k++) {
          values.add(listValue(terms.get(k)));
        }
        parts.add(key.column() + " " + key.operator() + " (" + String.join(", ", values) + ")");
        onlyList = true;
        i = j;
        continue;
      }
      Part p = part(terms.get(i), negations);
      // Field: '' and Field: null are written alike; one of them says it.
      if (!parts.contains(p.text())) {
        parts.add(p.text());
        onlyList = false;
      }
      i++;
    }
    if (parts.size() == 1 && onlyList) {
      return new Part(parts.get(0), ATOM);
    }
    return new Part(chain(parts, " or "), OR);
  }

  /** Terms joined by an operator, in groups of at most {@link #MAX_CHAIN}. */
  private static String chain(List<String> parts, String operator) {
    if (parts.size() <= MAX_CHAIN) {
      return String.join(operator, parts);
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < parts.size(); i += MAX_CHAIN) {
      groups.add(
          "("
              + String.join(operator, parts.subList(i, Math.min(parts.size(), i + MAX_CHAIN)))
              + ")");
    }
    return chain(groups, operator);
  }
}
