package org.sigmaworkbench.rule;

import java.util.List;
import java.util.Map;

/**
 * A correlation rule: events of other rules counted or related over a time span.
 *
 * @param type event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or
 *     value_percentile
 * @param rules the referenced rules, by id or name
 * @param groupBy fields the events are grouped by
 * @param timespanSeconds the window, in seconds
 * @param timespanText the window as written ({@code 1h})
 * @param condition the threshold, operator to number ({@code gte: 10}); may hold {@code field}
 * @param aliases field aliases across the referenced rules: alias to (rule to field)
 * @param generate whether the referenced rules also produce their own matches
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
    List<RuleProblem> problems)
    implements RuleDocument {

  public CorrelationRule {
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    condition = Map.copyOf(condition);
    aliases = Map.copyOf(aliases);
    problems = List.copyOf(problems);
  }
}
