package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.Expr;

/** One sentence on why a condition held or not, in terms of the rule's search identifiers. */
final class Summary {
  private Summary() {}

  static String of(Expr condition, Map<String, Boolean> identifiers, boolean matched) {
    List<String> positiveTrue = new ArrayList<>();
    List<String> positiveFalse = new ArrayList<>();
    List<String> negatedTrue = new ArrayList<>();
    collect(condition, true, identifiers, positiveTrue, positiveFalse, negatedTrue);
    if (matched) {
      return positiveTrue.isEmpty()
          ? "matched"
          : String.join(", ", positiveTrue) + (positiveTrue.size() == 1 ? " matched" : " matched");
    }
    if (!negatedTrue.isEmpty() && !positiveTrue.isEmpty()) {
      return String.join(", ", positiveTrue)
          + " matched, but "
          + String.join(", ", negatedTrue)
          + (negatedTrue.size() == 1 ? " excluded it" : " excluded it");
    }
    if (!positiveFalse.isEmpty()) {
      return String.join(", ", positiveFalse) + " did not match";
    }
    return "the condition does not hold";
  }

  private static void collect(
      Expr e,
      boolean positive,
      Map<String, Boolean> values,
      List<String> positiveTrue,
      List<String> positiveFalse,
      List<String> negatedTrue) {
    if (e instanceof Expr.Named n) {
      boolean v = values.getOrDefault(n.name(), false);
      if (positive) {
        (v ? positiveTrue : positiveFalse).add(n.name());
      } else if (v) {
        negatedTrue.add(n.name());
      }
      return;
    }
    if (e instanceof Expr.Not n) {
      collect(n.term(), !positive, values, positiveTrue, positiveFalse, negatedTrue);
    } else if (e instanceof Expr.And a) {
      for (Expr t : a.terms()) {
        collect(t, positive, values, positiveTrue, positiveFalse, negatedTrue);
      }
    } else if (e instanceof Expr.Or o) {
      for (Expr t : o.terms()) {
        collect(t, positive, values, positiveTrue, positiveFalse, negatedTrue);
      }
    }
  }
}
