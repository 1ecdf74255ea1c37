package org.sigmaworkbench.rule;

import java.util.List;
import java.util.Map;

/**
 * A filter (meta-rule) that adds exclusions to other rules.
 *
 * @param logsource the logsource the filter applies to
 * @param rules the rules it applies to, by id or name
 * @param identifiers its own search identifiers
 * @param condition its normalized condition, to be combined with the target rule as {@code rule and
 *     condition}; {@code null} when it has errors
 */
public record FilterRule(
    RuleMeta meta,
    LogSource logsource,
    List<String> rules,
    Map<String, Expr.Named> identifiers,
    Expr condition,
    List<RuleProblem> problems)
    implements RuleDocument {

  public FilterRule {
    rules = List.copyOf(rules);
    identifiers = Map.copyOf(identifiers);
    problems = List.copyOf(problems);
  }
}
