package org.sigmaworkbench.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detection rule, loaded and normalized.
 *
 * @param meta the descriptive fields
 * @param logsource where its events come from
 * @param identifiers the search identifiers (selections, filters, keyword lists) in rule order,
 *     each normalized on its own
 * @param condition the normalized condition, or {@code null} when the rule has errors that prevent
 *     one
 * @param aggregation a Sigma 1.x aggregation after {@code |} in the condition, or {@code null}
 * @param problems errors and warnings
 * @param source where its parts are written ({@code null} for a rule built in code)
 */
public record SigmaRule(
    RuleMeta meta,
    LogSource logsource,
    Map<String, Expr.Named> identifiers,
    Expr condition,
    LegacyAggregation aggregation,
    List<RuleProblem> problems,
    SourceMap source)
    implements RuleDocument {

  public SigmaRule {
    identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    problems = List.copyOf(problems);
    source = source == null ? SourceMap.EMPTY : source;
  }

  /** True when the rule can be converted and matched: it has a condition and no error. */
  public boolean isUsable() {
    return condition != null && !hasErrors();
  }

  public String title() {
    return meta.title();
  }

  public String id() {
    return meta.id();
  }
}
