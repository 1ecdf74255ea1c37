package org.sigmaworkbench.rule.yaml;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaKeys;
import org.sigmaworkbench.rule.SourceMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads and checks the {@code correlation} section of a correlation rule. */
public final class CorrelationReader {

  /** The correlation types. */
  private static final List<String> TYPES = SigmaKeys.CORRELATION_TYPES;

  /** Types whose condition names the aggregated {@code field}. */
  static final Set<String> VALUE_TYPES =
      Set.of("value_count", "value_sum", "value_avg", "value_percentile", "value_median");

  static final Set<String> CONDITION_OPS = Set.copyOf(SigmaKeys.CORRELATION_THRESHOLDS);

  private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhdwMy])");

  private final List<RuleProblem> problems;
  private final MetaReader meta;

  CorrelationReader(List<RuleProblem> problems) {
    this.problems = problems;
    this.meta = new MetaReader(problems);
  }

  CorrelationRule read(RuleMeta ruleMeta, NodeTuple entry, SourceMap source) {
    Node node = entry.getValueNode();
    Map<String, String> condition = new LinkedHashMap<>();
    Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    if (!(node instanceof MappingNode map)) {
      error(
          "'correlation' is a map with type, rules, timespan and condition, not "
              + SigmaYaml.kind(node),
          node,
          "correlation");
      return new CorrelationRule(
          ruleMeta,
          null,
          List.of(),
          List.of(),
          0,
          null,
          condition,
          aliases,
          false,
          RuleLoader.sorted(problems),
          source);
    }
    Map<String, NodeTuple> f = RuleLoader.entries(map);
    String type = type(f, entry);
    List<String> rules = meta.stringList(f.get("rules"));
    if (rules.isEmpty()) {
      error(
          "a correlation names the rules it correlates under 'rules' (ids or names)",
          entry.getKeyNode(),
          "correlation");
    }
    List<String> groupBy = meta.stringList(f.get("group-by"));
    NodeTuple span = f.containsKey("timespan") ? f.get("timespan") : f.get(SigmaKeys.OLD_TIMESPAN);
    String timespanText = meta.text(span);
    long seconds = 0;
    if (timespanText == null) {
      error(
          "a correlation needs a 'timespan' such as 30s, 5m, 1h or 1d",
          entry.getKeyNode(),
          "correlation");
    } else {
      seconds = seconds(timespanText, span.getValueNode());
    }
    boolean temporal = "temporal".equals(type) || "temporal_ordered".equals(type);
    NodeTuple cond = f.get("condition");
    if (cond == null) {
      if (!temporal && type != null) {
        error(
            "a " + type + " correlation needs a 'condition' such as 'gte: 10'",
            entry.getKeyNode(),
            "correlation");
      }
    } else if (cond.getValueNode() instanceof MappingNode cm) {
      condition(cm, type, condition);
    } else {
      error(
          "'condition' of a correlation is a map such as 'gte: 10', not "
              + SigmaYaml.kind(cond.getValueNode()),
          cond.getValueNode(),
          "condition");
    }
    aliases(f.get("aliases"), aliases);
    boolean generate = false;
    NodeTuple gen = f.get("generate");
    if (gen != null) {
      if (gen.getValueNode() instanceof ScalarNode g && g.getTag().equals(Tag.BOOL)) {
        generate = g.getValue().equalsIgnoreCase("true") || g.getValue().equalsIgnoreCase("yes");
      } else {
        error("'generate' is true or false", gen.getValueNode(), "generate");
      }
    }
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
        RuleLoader.sorted(problems),
        source);
  }

  private String type(Map<String, NodeTuple> f, NodeTuple entry) {
    String type = meta.text(f.get("type"));
    if (type == null) {
      error(
          "a correlation needs a 'type' (" + String.join(", ", TYPES) + ")",
          entry.getKeyNode(),
          "correlation");
      return null;
    }
    if (!TYPES.contains(type)) {
      error(
          "unknown correlation type '" + type + "'; expected one of " + String.join(", ", TYPES),
          f.get("type").getValueNode(),
          type);
      return null;
    }
    return type;
  }

  private long seconds(String text, Node at) {
    Matcher m = TIMESPAN.matcher(text.trim());
    if (!m.matches()) {
      error(
          "timespan '"
              + text
              + "' is not a whole number followed by s, m, h, d (or w, M, y), such as 15m",
          at,
          text);
      return 0;
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n <= 0 || n > 1_000_000_000L) {
      error("timespan '" + text + "' must be a positive length of time", at, text);
      return 0;
    }
    long unit =
        switch (m.group(2)) {
          case "s" -> 1L;
          case "m" -> 60L;
          case "h" -> 3600L;
          case "d" -> 86400L;
          case "w" -> 604800L;
          case "M" -> 2629746L; // an average Gregorian month
          default -> 31556952L; // an average Gregorian year
        };
    return n * unit;
  }

  private void condition(MappingNode cm, String type, Map<String, String> condition) {
    boolean anyOp = false;
    for (NodeTuple t : cm.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
        continue;
      }
      String k = keyNode.getValue();
      Node valueNode = t.getValueNode();
      String v = valueNode instanceof ScalarNode s && !SigmaYaml.isNull(s) ? s.getValue() : null;
      if (k.equals("field")) {
        if (v == null) {
          error("'field' names one aggregated field", valueNode, k);
        } else {
          condition.put(k, v);
        }
      } else if (k.equals("percentile")) {
        BigDecimal p = number(v);
        if (p == null || p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
          error("'percentile' is a number from 0 to 100", valueNode, v == null ? k : v);
        } else {
          condition.put(k, v);
        }
      } else if (CONDITION_OPS.contains(k)) {
        anyOp = true;
        if (number(v) == null) {
          error(
              "'" + k + "' compares with a number, not " + (v == null ? "nothing" : "'" + v + "'"),
              valueNode,
              v == null ? k : v);
        } else {
          condition.put(k, v);
        }
      } else {
        error(
            "unknown condition operator '"
                + k
                + "'; expected gt, gte, lt, lte, eq, neq, field or percentile",
            keyNode,
            k);
      }
    }
    if (!anyOp) {
      error(
          "the correlation condition needs a comparison such as 'gte: 10' (gt, gte, lt, lte, eq,"
              + " neq)",
          cm,
          "condition");
    }
    if (type != null && VALUE_TYPES.contains(type) && !condition.containsKey("field")) {
      error(
          "a " + type + " correlation names the aggregated 'field' in its condition",
          cm,
          "condition");
    }
  }

  private void aliases(NodeTuple aliasEntry, Map<String, Map<String, String>> aliases) {
    if (aliasEntry == null || SigmaYaml.isNull(aliasEntry.getValueNode())) {
      return;
    }
    if (!(aliasEntry.getValueNode() instanceof MappingNode am)) {
      error(
          "'aliases' maps each alias to a map of rule name to field name",
          aliasEntry.getValueNode(),
          "aliases");
      return;
    }
    for (NodeTuple t : am.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode aliasKey)) {
        continue;
      }
      String alias = aliasKey.getValue();
      Map<String, String> perRule = new LinkedHashMap<>();
      if (t.getValueNode() instanceof MappingNode rm) {
        for (NodeTuple r : rm.getValue()) {
          if (r.getKeyNode() instanceof ScalarNode rk
              && r.getValueNode() instanceof ScalarNode rv
              && !SigmaYaml.isNull(rv)) {
            perRule.put(rk.getValue(), rv.getValue());
          } else {
            error(
                "alias '" + alias + "' maps each rule name to one field name",
                r.getValueNode(),
                alias);
          }
        }
      } else {
        error("alias '" + alias + "' maps rule names to field names", t.getValueNode(), alias);
      }
      aliases.put(alias, perRule);
    }
  }

  private static BigDecimal number(String v) {
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void error(String message, Node at, String excerpt) {
    problems.add(SigmaYaml.error("correlation", message, at, excerpt));
  }
}
