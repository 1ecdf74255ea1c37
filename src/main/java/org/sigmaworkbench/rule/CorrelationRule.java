package org.sigmaworkbench.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A correlation rule: events of other rules counted or related over a time span.
 *
 * @param type event_count, value_count, temporal, temporal_ordered, value_sum, value_avg,
 *     value_percentile or value_median
 * @param rules the referenced rules, by id or name
 * @param groupBy fields the events are grouped by
 * @param timespanSeconds the window, in seconds
 * @param timespanText the window as written ({@code 1h})
 * @param condition the threshold, operator to number ({@code gte: 10}); may hold {@code field} and
 *     (value_percentile) {@code percentile}
 * @param aliases field aliases across the referenced rules: alias to (rule to field)
 * @param generate whether the referenced rules also produce their own matches
 * @param problems errors and warnings
 * @param source where its parts are written ({@code null} for a correlation built in code)
 */
public record CorrelationRule(
    RuleMeta meta,
    String type,
    List<String> rules,
    List<String> groupBy,
    long timespanSeconds,
    String timespanText,
    Map<String, String> condition,
    Map<String, Map<String, String>> aliases,
    boolean generate,
    List<RuleProblem> problems,
    SourceMap source)
    implements RuleDocument {

  public CorrelationRule {
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    condition = Collections.unmodifiableMap(new LinkedHashMap<>(condition));
    aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    problems = List.copyOf(problems);
    source = source == null ? SourceMap.EMPTY : source;
  }

  /**
   * The event field a correlation field name stands for in one referenced rule: the alias's field
   * for that rule (the alias map names the rule by its {@code name}, its id or the reference as
   * written), else the name itself. The matcher and the KQL writer both ask here.
   *
   * @param ref the reference to the rule as this correlation writes it
   */
  public String fieldFor(String ref, SigmaRule rule, String name) {
    Map<String, String> alias = aliases.get(name);
    if (alias != null) {
      for (String key : new String[] {ref, rule.meta().name(), rule.meta().id()}) {
        if (key != null && alias.containsKey(key)) {
          return alias.get(key);
        }
      }
    }
    return name;
  }
}
