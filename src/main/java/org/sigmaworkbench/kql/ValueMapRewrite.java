package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.Predicate;

/**
 * Whole values the table writes differently (Sysmon's registry {@code EventType: SetValue} is
 * {@code RegistryValueSet}). Only equality with a known value can be rewritten.
 */
final class ValueMapRewrite {
  private ValueMapRewrite() {}

  static Cond apply(
      ColumnExpr column,
      Map<String, List<String>> values,
      Predicate p,
      String field,
      Problems problems) {
    if (p instanceof Predicate.Exists || p instanceof Predicate.IsNull) {
      return new Cond.Test(column, p);
    }
    String value = null;
    boolean cased = false;
    if (p instanceof Predicate.StringMatch s && s.op() == Predicate.StringOp.EQUALS) {
      value = s.text();
      cased = s.cased();
    } else if (p instanceof Predicate.Compare c && c.op() == Predicate.CompareOp.EQ) {
      value = c.text();
    }
    if (value == null) {
      return problems.fieldError(
          field,
          "is written differently in %s, so only equality with one of %s can be rewritten, not %s",
          column.text(),
          String.join(", ", values.keySet()),
          FileNameRewrite.describe(p));
    }
    List<String> targets = null;
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (cased ? e.getKey().equals(value) : e.getKey().equalsIgnoreCase(value)) {
        targets = e.getValue();
      }
    }
    if (targets == null) {
      return problems.fieldError(
          field,
          "value '%s' has no equivalent in %s; known values: %s",
          value,
          column.text(),
          String.join(", ", values.keySet()));
    }
    List<Cond> alternatives = new ArrayList<>();
    for (String t : targets) {
      alternatives.add(Cond.test(column, Predicate.StringOp.EQUALS, t, false));
    }
    return Cond.any(alternatives);
  }
}
