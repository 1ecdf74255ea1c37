package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies Sigma filters to the rules they name: a filter adds its condition to a rule as {@code
 * (rule condition) and (filter condition)}, so its exclusions hold for every rule it names (by id
 * or name, or every rule with {@code rules: any}) whose logsource it covers.
 */
public final class FilterApplication {
  private FilterApplication() {}

  /**
   * Whether {@code filter} applies to {@code rule}: each of category, product and service that the
   * filter's logsource gives equals the rule's, and the filter names the rule by id or name (or
   * applies to all rules).
   */
  public static boolean appliesTo(FilterRule filter, SigmaRule rule) {
    if (!covers(filter.logsource(), rule.logsource())) {
      return false;
    }
    if (filter.appliesToAll()) {
      return true;
    }
    for (String ref : filter.rules()) {
      String r = ref.trim();
      if (r.equals(rule.id()) || r.equals(rule.meta().name())) {
        return true;
      }
    }
    return false;
  }

  private static boolean covers(LogSource filter, LogSource rule) {
    return same(filter.category(), rule.category())
        && same(filter.product(), rule.product())
        && same(filter.service(), rule.service());
  }

  private static boolean same(String filterPart, String rulePart) {
    return filterPart == null || filterPart.equalsIgnoreCase(rulePart);
  }

  /**
   * The rule with the filter's condition added. The filter's search identifiers join the rule's
   * under the name {@code <filter>/<identifier>} (the filter's name, else id, else title), so
   * explanations tell them apart. A rule or filter without a usable condition is returned as the
   * rule was: its errors say why.
   */
  public static SigmaRule apply(SigmaRule rule, FilterRule filter) {
    if (rule.condition() == null || filter.condition() == null || filter.hasErrors()) {
      return rule;
    }
    String label = label(filter);
    Map<String, Expr.Named> identifiers = new LinkedHashMap<>(rule.identifiers());
    for (Expr.Named n : filter.identifiers().values()) {
      Expr.Named renamed = rename(n, label);
      identifiers.put(renamed.name(), renamed);
    }
    Expr condition = new Expr.And(List.of(rule.condition(), renamed(filter.condition(), label)));
    return new SigmaRule(
        rule.meta(),
        rule.logsource(),
        identifiers,
        condition,
        rule.aggregation(),
        rule.problems(),
        rule.source());
  }

  /** Every detection rule among {@code documents}, each with every filter that applies to it. */
  public static List<SigmaRule> applyAll(List<? extends RuleDocument> documents) {
    List<FilterRule> filters = new ArrayList<>();
    for (RuleDocument d : documents) {
      if (d instanceof FilterRule f) {
        filters.add(f);
      }
    }
    List<SigmaRule> out = new ArrayList<>();
    for (RuleDocument d : documents) {
      if (d instanceof SigmaRule rule) {
        SigmaRule r = rule;
        for (FilterRule f : filters) {
          if (appliesTo(f, rule)) {
            r = apply(r, f);
          }
        }
        out.add(r);
      }
    }
    return out;
  }

  private static String label(FilterRule filter) {
    RuleMeta m = filter.meta();
    if (m.name() != null && !m.name().isBlank()) {
      return m.name();
    }
    if (m.id() != null && !m.id().isBlank()) {
      return m.id();
    }
    return m.title() == null ? "filter" : m.title();
  }

  private static Expr.Named rename(Expr.Named n, String label) {
    return new Expr.Named(label + "/" + n.name(), n.body(), n.position());
  }

  /** The filter condition with each of its identifiers renamed. */
  private static Expr renamed(Expr e, String label) {
    if (e instanceof Expr.Named n) {
      return rename(n, label);
    }
    if (e instanceof Expr.And a) {
      return new Expr.And(a.terms().stream().map(t -> renamed(t, label)).toList());
    }
    if (e instanceof Expr.Or o) {
      return new Expr.Or(o.terms().stream().map(t -> renamed(t, label)).toList());
    }
    if (e instanceof Expr.Not n) {
      return new Expr.Not(renamed(n.term(), label));
    }
    return e;
  }
}
