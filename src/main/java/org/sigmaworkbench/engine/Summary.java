package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.Expr;

/**
 * One sentence on why a condition held or not, in terms of the rule's search identifiers: for a hit
 * the identifiers that made it ({@code selection matched}); for a miss what was missing or what
 * excluded it, with what did match as context ({@code selection matched, but filter_admin excluded
 * it}, {@code none of selection_a, selection_b matched}).
 */
final class Summary {

  private final Map<String, Boolean> values;
  private final Set<String> keywordIdentifiers;

  /** Identifiers that hold where they must (the context of a miss, the reason of a hit). */
  private final Set<String> matched = new LinkedHashSet<>();

  /** Identifiers that do not hold where they must. */
  private final Set<String> failed = new LinkedHashSet<>();

  /** Alternatives of which none held: each a list of identifiers. */
  private final List<List<String>> noneOf = new ArrayList<>();

  /** Identifiers that hold under a negation: they excluded the event. */
  private final Set<String> excluded = new LinkedHashSet<>();

  private Summary(Map<String, Boolean> values, Set<String> keywordIdentifiers) {
    this.values = values;
    this.keywordIdentifiers = keywordIdentifiers;
  }

  /**
   * @param condition the rule's condition
   * @param values whether each search identifier matched
   * @param keywordIdentifiers identifiers made of keywords only, named as such
   */
  static String of(Expr condition, Map<String, Boolean> values, Set<String> keywordIdentifiers) {
    Summary s = new Summary(values, keywordIdentifiers);
    boolean result = s.eval(condition);
    s.reasons(condition, true);
    return result ? s.hitSentence() : s.missSentence();
  }

  private boolean eval(Expr e) {
    if (e instanceof Expr.Named n) {
      return values.getOrDefault(n.name(), false);
    }
    if (e instanceof Expr.Not n) {
      return !eval(n.term());
    }
    if (e instanceof Expr.And a) {
      return a.terms().stream().allMatch(this::eval);
    }
    if (e instanceof Expr.Or o) {
      return o.terms().stream().anyMatch(this::eval);
    }
    return e instanceof Expr.Const c && c.value();
  }

  /**
   * Collects why {@code e} has its value; {@code positive} is false under an odd number of
   * negations.
   */
  private void reasons(Expr e, boolean positive) {
    boolean v = eval(e);
    if (e instanceof Expr.Named n) {
      if (v && positive) {
        matched.add(n.name());
      } else if (v) {
        excluded.add(n.name());
      } else if (positive) {
        failed.add(n.name());
      }
      return;
    }
    if (e instanceof Expr.Not n) {
      reasons(n.term(), !positive);
      return;
    }
    List<Expr> terms =
        e instanceof Expr.And a ? a.terms() : e instanceof Expr.Or o ? o.terms() : List.of();
    boolean isAnd = e instanceof Expr.And;
    if (isAnd == v) {
      // and that holds, or or that fails: every term counts.
      if (!isAnd && positive && terms.stream().allMatch(t -> t instanceof Expr.Named)) {
        List<String> names = new ArrayList<>();
        for (Expr t : terms) {
          names.add(((Expr.Named) t).name());
        }
        noneOf.add(names);
        return;
      }
      for (Expr t : terms) {
        reasons(t, positive);
      }
      return;
    }
    // and that fails, or or that holds: the terms with the outcome's value count; for a failing
    // and, the terms that held are the context.
    for (Expr t : terms) {
      if (eval(t) == v) {
        reasons(t, positive);
      } else if (isAnd) {
        context(t, positive);
      }
    }
  }

  /** Names what held inside a term that did not decide the outcome. */
  private void context(Expr e, boolean positive) {
    if (e instanceof Expr.Named n) {
      if (positive && eval(e)) {
        matched.add(n.name());
      }
    } else if (e instanceof Expr.Not n) {
      context(n.term(), !positive);
    } else if (e instanceof Expr.And a) {
      a.terms().forEach(t -> context(t, positive));
    } else if (e instanceof Expr.Or o) {
      o.terms().stream().filter(this::eval).forEach(t -> context(t, positive));
    }
  }

  private String hitSentence() {
    if (matched.isEmpty()) {
      return "matched";
    }
    return list(matched) + " matched";
  }

  private String missSentence() {
    List<String> why = new ArrayList<>();
    Set<String> failedPlain = new LinkedHashSet<>();
    for (String f : failed) {
      if (keywordIdentifiers.contains(f)) {
        why.add(f + " did not match (no field holds any of its keywords)");
      } else {
        failedPlain.add(f);
      }
    }
    if (!failedPlain.isEmpty()) {
      why.add(0, list(failedPlain) + " did not match");
    }
    for (List<String> names : noneOf) {
      why.add(
          names.size() == 2
              ? "neither " + names.get(0) + " nor " + names.get(1) + " matched"
              : "none of " + String.join(", ", names) + " matched");
    }
    if (!excluded.isEmpty()) {
      why.add(list(excluded) + " excluded it");
    }
    if (why.isEmpty()) {
      return "the condition does not hold";
    }
    String reason = String.join(", and ", why);
    Set<String> context = new LinkedHashSet<>(matched);
    context.removeAll(excluded);
    return context.isEmpty() ? reason : list(context) + " matched, but " + reason;
  }

  private static String list(Set<String> names) {
    List<String> l = new ArrayList<>(names);
    if (l.size() == 1) {
      return l.get(0);
    }
    return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
  }
}
