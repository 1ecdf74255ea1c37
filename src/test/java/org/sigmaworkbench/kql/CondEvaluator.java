package org.sigmaworkbench.kql;

import com.google.re2j.Pattern;
import java.util.Locale;
import java.util.function.Function;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaString;

/**
 * Evaluates a {@link Cond} on one row, the way KQL would, for tests that check a rewrite keeps the
 * meaning of a predicate: string operators compare ASCII text ignoring case unless cased.
 */
final class CondEvaluator {
  private CondEvaluator() {}

  /**
   * @param values the value of a {@link ColumnExpr} in the row (the empty string when missing)
   */
  static boolean eval(Cond c, Function<ColumnExpr, String> values) {
    if (c instanceof Cond.Constant k) {
      return k.value();
    }
    if (c instanceof Cond.Negation n) {
      return !eval(n.term(), values);
    }
    if (c instanceof Cond.Junction j && j.all()) {
      return j.terms().stream().allMatch(t -> eval(t, values));
    }
    if (c instanceof Cond.Junction j) {
      return j.terms().stream().anyMatch(t -> eval(t, values));
    }
    if (c instanceof Cond.Test t) {
      return test(t.predicate(), values.apply(t.column()));
    }
    if (c instanceof Cond.Columns f) {
      String left = values.apply(f.left());
      String right = values.apply(f.right());
      return !left.isEmpty() && !right.isEmpty() && string(f.op(), f.cased(), left, right);
    }
    throw new IllegalArgumentException("cannot evaluate " + c);
  }

  /**
   * A predicate on one value, as Sigma means it (and the matcher implements it): on no value (the
   * empty string) what {@link Predicate#holdsOnNoValue()} says.
   */
  static boolean test(Predicate p, String v) {
    if (v.isEmpty()) {
      return p.holdsOnNoValue();
    }
    if (p instanceof Predicate.StringMatch s) {
      return string(s.op(), s.cased(), v, s.text());
    }
    if (p instanceof Predicate.Exists e) {
      return e.present() != v.isEmpty();
    }
    if (p instanceof Predicate.IsNull) {
      return v.isEmpty();
    }
    if (p instanceof Predicate.Wildcard w) {
      return Pattern.compile(w.pattern().toRegex(w.cased())).matcher(v).find();
    }
    if (p instanceof Predicate.Regex r) {
      return Pattern.compile(PredicateWriter.regex(r)).matcher(v).find();
    }
    throw new IllegalArgumentException("cannot evaluate " + p);
  }

  static boolean string(Predicate.StringOp op, boolean cased, String value, String text) {
    String v = cased ? value : value.toLowerCase(Locale.ROOT);
    String t = cased ? text : text.toLowerCase(Locale.ROOT);
    return switch (op) {
      case EQUALS -> v.equals(t);
      case CONTAINS -> v.contains(t);
      case STARTSWITH -> v.startsWith(t);
      case ENDSWITH -> v.endsWith(t);
    };
  }

  /** A Sigma value with wildcards, as a predicate. */
  static Predicate wildcard(String sigma) {
    return new Predicate.Wildcard(SigmaString.parse(sigma), false);
  }
}
