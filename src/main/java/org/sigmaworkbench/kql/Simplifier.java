package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
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
      List<Expr> terms = new ArrayList<>();
      for (Expr t : a.terms()) {
        Expr s = simplify(t);
        if (s instanceof Expr.Const c) {
          if (!c.value()) {
            return s;
          }
          continue;
        }
        if (s instanceof Expr.And inner) {
          terms.addAll(inner.terms());
        } else {
          terms.add(s);
        }
      }
      return terms.isEmpty()
          ? new Expr.Const(true)
          : terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }
    if (e instanceof Expr.Or o) {
      List<Expr> terms = new ArrayList<>();
      for (Expr t : o.terms()) {
        Expr s = simplify(t);
        if (s instanceof Expr.Const c) {
          if (c.value()) {
            return s;
          }
          continue;
        }
        if (s instanceof Expr.Or inner) {
          terms.addAll(inner.terms());
        } else if (s instanceof Expr.Named n && n.body() instanceof Expr.Or inner) {
          terms.addAll(inner.terms());
        } else {
          terms.add(s);
        }
      }
      return terms.isEmpty()
          ? new Expr.Const(false)
          : terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
    }
    return e;
  }
}
