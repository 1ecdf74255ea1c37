package org.sigmaworkbench.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param problems errors and warnings
 * @param source where its parts are written ({@code null} for a filter built in code)
 */
public record FilterRule(
    RuleMeta meta,
    LogSource logsource,
    List<String> rules,
    Map<String, Expr.Named> identifiers,
    Expr condition,
    List<RuleProblem> problems,
    SourceMap source)
    implements RuleDocument {

  public FilterRule {
    rules = List.copyOf(rules);
    identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    problems = List.copyOf(problems);
    source = source == null ? SourceMap.EMPTY : source;
  }

  /**
   * Whether it applies to every rule of its logsource ({@code rules: any}, {@code rules: all} or an
   * empty list) rather than to rules named by id or name.
   */
  public boolean appliesToAll() {
    return rules.isEmpty()
        || (rules.size() == 1
            && (rules.get(0).equalsIgnoreCase("any") || rules.get(0).equalsIgnoreCase("all")));
  }
}
