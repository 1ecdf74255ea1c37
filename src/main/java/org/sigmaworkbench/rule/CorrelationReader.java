package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads and checks the {@code correlation} section of a correlation rule. */
final class CorrelationReader {

  static final Set<String> TYPES =
      Set.of(
          "event_count",
          "value_count",
          "temporal",
          "temporal_ordered",
          "value_sum",
          "value_avg",
          "value_percentile");

  private static final Set<String> CONDITION_OPS = Set.of("gt", "gte", "lt", "lte", "eq", "neq");

  private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhdwMy])");

  private final List<RuleProblem> problems;
  private final MetaReader meta;

  CorrelationReader(List<RuleProblem> problems) {
    this.problems = problems;
    this.meta = new MetaReader(problems);
  }

  CorrelationRule read(RuleMeta ruleMeta, NodeTuple entry) {
    Node node = entry.getValueNode();
    String type = null;
    List<String> rules = List.of();
    List<String> groupBy = List.of();
    long seconds = 0;
    String timespanText = null;
    Map<String, String> condition = new LinkedHashMap<>();
    Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    boolean generate = false;
    if (!(node instanceof MappingNode map)) {
      error("'correlation' is a map with type, rules, timespan and condition", node);
      return new CorrelationRule(
          ruleMeta, null, rules, groupBy, 0, null, condition, aliases, false, problems);
    }
    Map<String, NodeTuple> f = RuleLoader.entries(map);
    type = meta.text(f.get("type"));
    if (type == null) {
      error("a correlation needs a 'type' (" + String.join(", ", sorted(TYPES)) + ")", map);
    } else if (!TYPES.contains(type)) {
      error(
          "unknown correlation type '"
              + type
              + "'; expected one of "
              + String.join(", ", sorted(TYPES)),
          f.get("type").getValueNode());
    }
    rules = meta.stringList(f.get("rules"));
    if (rules.isEmpty()) {
      error("a correlation names the rules it correlates under 'rules'", map);
    }
    groupBy = meta.stringList(f.get("group-by"));
    timespanText = meta.text(f.get("timespan"));
    if (timespanText == null) {
      timespanText = meta.text(f.get("timeframe"));
    }
    if (timespanText == null) {
      error("a correlation needs a 'timespan' such as 5m, 1h or 1d", map);
    } else {
      Matcher m = TIMESPAN.matcher(timespanText.trim());
      if (!m.matches()) {
        NodeTuple t = f.containsKey("timespan") ? f.get("timespan") : f.get("timeframe");
        error(
            "timespan '" + timespanText + "' is not a number followed by s, m, h, d, w, M or y",
            t.getValueNode());
      } else {
        long n = Long.parseLong(m.group(1));
        seconds =
            n
                * switch (m.group(2)) {
                  case "s" -> 1L;
                  case "m" -> 60L;
                  case "h" -> 3600L;
                  case "d" -> 86400L;
                  case "w" -> 7 * 86400L;
                  case "M" -> 30 * 86400L;
                  default -> 365 * 86400L;
                };
      }
    }
    NodeTuple cond = f.get("condition");
    boolean temporal = "temporal".equals(type) || "temporal_ordered".equals(type);
    if (cond == null) {
      if (!temporal) {
        error("a " + type + " correlation needs a 'condition' such as 'gte: 10'", map);
      }
    } else if (cond.getValueNode() instanceof MappingNode cm) {
      for (NodeTuple t : cm.getValue()) {
        String k = ((ScalarNode) t.getKeyNode()).getValue();
        String v = t.getValueNode() instanceof ScalarNode s ? s.getValue() : null;
        if (!CONDITION_OPS.contains(k) && !k.equals("field")) {
          error(
              "unknown condition operator '" + k + "'; expected gt, gte, lt, lte, eq, neq or field",
              t.getKeyNode());
        } else if (v == null) {
          error("'" + k + "' takes a single value", t.getValueNode());
        } else {
          condition.put(k, v);
        }
      }
      boolean needsField = type != null && (type.startsWith("value_"));
      if (needsField && !condition.containsKey("field")) {
        error("a " + type + " correlation names the aggregated 'field' in its condition", cm);
      }
    } else {
      error("'condition' of a correlation is a map such as 'gte: 10'", cond.getValueNode());
    }
    NodeTuple aliasEntry = f.get("aliases");
    if (aliasEntry != null && aliasEntry.getValueNode() instanceof MappingNode am) {
      for (NodeTuple t : am.getValue()) {
        String alias = ((ScalarNode) t.getKeyNode()).getValue();
        Map<String, String> perRule = new LinkedHashMap<>();
        if (t.getValueNode() instanceof MappingNode rm) {
          for (NodeTuple r : rm.getValue()) {
            if (r.getKeyNode() instanceof ScalarNode rk
                && r.getValueNode() instanceof ScalarNode rv) {
              perRule.put(rk.getValue(), rv.getValue());
            }
          }
        } else {
          error("alias '" + alias + "' maps rule names to field names", t.getValueNode());
        }
        aliases.put(alias, perRule);
      }
    }
    String gen = meta.text(f.get("generate"));
    generate = gen != null && gen.equalsIgnoreCase("true");
    return new CorrelationRule(
        ruleMeta,
        type,
        rules,
        groupBy,
        seconds,
        timespanText,
        condition,
        aliases,
        generate,
        RuleLoader.sorted(problems));
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private void error(String message, Node at) {
    problems.add(RuleProblem.error("correlation", message, SigmaYaml.position(at), ""));
  }
}
