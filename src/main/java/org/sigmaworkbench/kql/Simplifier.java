package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sigmaworkbench.rule.Expr;

/**
 * Folds constants and flattens nested {@code and}/{@code or} without changing meaning, so the query
 * reads as the rule does.
 */
final class Simplifier {
  private Simplifier() {}

  static Expr simplify(Expr e) {
    if (e instanceof Expr.Named n) {
      Expr body = simplify(n.body());
      return body instanceof Expr.Const ? body : new Expr.Named(n.name(), body, n.position());
    }
    if (e instanceof Expr.Not n) {
      Expr t = simplify(n.term());
      if (t instanceof Expr.Const c) {
        return new Expr.Const(!c.value());
      }
      return new Expr.Not(t);
    }
    if (e instanceof Expr.And a) {
      return junction(true, a.terms(), s -> s instanceof Expr.And inner ? inner.terms() : null);
    }
    if (e instanceof Expr.Or o) {
      return junction(false, o.terms(), Simplifier::disjuncts);
    }
    return e;
  }

  /**
   * The terms of a disjunction, named or not, that an enclosing disjunction takes in; else null.
   */
  private static List<Expr> disjuncts(Expr e) {
    Expr body = e instanceof Expr.Named n ? n.body() : e;
    return body instanceof Expr.Or inner ? inner.terms() : null;
  }

  /**
   * The simplified terms joined by {@code and} ({@code all}) or {@code or}: a constant that decides
   * the whole is the whole, the other constant is dropped, and a term {@code nested} gives terms
   * for is replaced by them; no term left is the constant that leaves the whole undecided.
   */
  private static Expr junction(boolean all, List<Expr> given, Function<Expr, List<Expr>> nested) {
    List<Expr> terms = new ArrayList<>();
    for (Expr t : given) {
      Expr s = simplify(t);
      if (s instanceof Expr.Const c) {
        if (c.value() != all) {
          return s;
        }
        continue;
      }
      List<Expr> inner = nested.apply(s);
      if (inner != null) {
        terms.addAll(inner);
      } else {
        terms.add(s);
      }
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    return terms.isEmpty() ? new Expr.Const(all) : all ? new Expr.And(terms) : new Expr.Or(terms);
  }
}
