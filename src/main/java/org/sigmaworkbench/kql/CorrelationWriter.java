package org.sigmaworkbench.kql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * A correlation rule as KQL, with the sliding windows the engine evaluates ({@code
 * engine.CorrelationRun} defines them; both follow one definition):
 *
 * <ol>
 *   <li>each referenced rule's query, reduced to {@code EventTime}, {@code SigmaRule} (its name in
 *       the correlation), the group-by fields (aliases applied, as strings) and {@code SigmaValue}
 *       (the condition's field), then {@code union}ed as {@code Events};
 *   <li>{@code Windows}: every distinct (event time, group) starts a window, joined with the
 *       group's events whose time lies from the start to start + timespan, both included;
 *   <li>per window the measure ({@code count()}, {@code count_distinctif}, {@code sum}, {@code
 *       avgif}, {@code percentile}, {@code count_distinct(SigmaRule)}; for temporal_ordered the
 *       chain of each rule's earliest event after the previous rule's), {@code Hit} when the
 *       condition holds;
 *   <li>sorted by group and start, a hit is reported unless the group's previous window also hit
 *       and reaches this start ({@code prev()}), so a burst gives one row.
 * </ol>
 */
final class CorrelationWriter {

  private final KqlWriter writer;

  CorrelationWriter(KqlWriter writer) {
    this.writer = writer;
  }

  /** One referenced rule, written for its table. */
  private record Part(
      String letName, String ruleName, SigmaRule rule, KqlWriter.Selected selected) {}

  KqlResult write(CorrelationRule c, Map<String, SigmaRule> rules) {
    if (c.hasErrors() || c.type() == null) {
      return KqlResult.failure(List.of("the correlation has errors; fix them first"));
    }
    String type = c.type();
    String percentile =
        switch (type) {
          case "value_median" -> "50";
          case "value_percentile" -> c.condition().get("percentile");
          default -> null;
        };
    if (type.equals("value_percentile") && percentile == null) {
      return KqlResult.failure(
          List.of(
              "a value_percentile correlation names its 'percentile' (0 to 100) in the"
                  + " condition"));
    }
    String valueField = c.condition().get("field");
    List<String> errors = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    Set<String> letNames = new LinkedHashSet<>();
    for (String ref : c.rules()) {
      SigmaRule rule = rules.get(ref);
      if (rule == null) {
        errors.add(
            "the correlation names rule '"
                + ref
                + "', which is not among the rules given; convert it together with the files"
                + " that hold the rules it names");
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (String g : c.groupBy()) {
        fields.add(c.fieldFor(ref, rule, g));
      }
      if (valueField != null) {
        fields.add(c.fieldFor(ref, rule, valueField));
      }
      KqlWriter.Selected s = writer.select(rule, fields);
      if (s.failure() != null) {
        errors.add("rule '" + ref + "': " + String.join("; ", s.failure().errors()));
        continue;
      }
      String let = letName(ref, parts.size() + 1);
      while (!letNames.add(let)) {
        let = let + "_" + (parts.size() + 1);
      }
      parts.add(new Part(let, ref, rule, s));
    }
    if (!errors.isEmpty()) {
      return KqlResult.failure(errors);
    }

    String time = KqlStrings.column(writer.target().timeColumn());
    List<String> groups = new ArrayList<>();
    for (String g : c.groupBy()) {
      groups.add(KqlStrings.column(g));
    }
    boolean numeric = valueField != null && !type.equals("value_count");
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      List<String> terms = new ArrayList<>();
      terms.add("EventTime = " + time);
      terms.add("SigmaRule = " + KqlStrings.quote(p.ruleName()));
      for (int i = 0; i < c.groupBy().size(); i++) {
        ColumnExpr v =
            p.selected()
                .translator()
                .plainValue(c.fieldFor(p.ruleName(), p.rule(), c.groupBy().get(i)));
        terms.add(groups.get(i) + " = " + (v == null ? "\"\"" : v.asString()));
      }
      if (groups.isEmpty()) {
        terms.add("AllEvents = 1");
      }
      if (valueField != null) {
        ColumnExpr v =
            p.selected().translator().plainValue(c.fieldFor(p.ruleName(), p.rule(), valueField));
        String text = v == null ? "\"\"" : v.asString();
        terms.add("SigmaValue = " + (numeric ? "todouble(" + text + ")" : text));
      }
      RuleTranslator t = p.selected().translator();
      if (!t.problems.ok()) {
        if (!t.problems.unmapped.isEmpty()) {
          errors.add("rule '" + p.ruleName() + "': " + t.unmappedMessage());
        }
        for (String e : t.problems.errors) {
          errors.add("rule '" + p.ruleName() + "': " + e);
        }
        continue;
      }
      b.append("let ").append(p.letName()).append(" = ");
      b.append(p.selected().query()).append("\n| project ").append(String.join(", ", terms));
      b.append(";\n");
    }
    if (!errors.isEmpty()) {
      return KqlResult.failure(errors);
    }
    List<String> keys = groups.isEmpty() ? List.of("AllEvents") : groups;
    String keyList = String.join(", ", keys);
    String span = timespan(c.timespanSeconds());
    b.append("let Events = ");
    if (parts.size() == 1) {
      b.append(parts.get(0).letName());
    } else {
      b.append("union ").append(String.join(", ", parts.stream().map(Part::letName).toList()));
    }
    b.append(";\n");
    b.append("let Windows = Events\n| summarize by WindowStart = EventTime, ")
        .append(keyList)
        .append("\n| join kind=inner (Events) on ")
        .append(keyList)
        .append("\n| where EventTime between (WindowStart .. WindowStart + ")
        .append(span)
        .append(");\n");

    String measure;
    List<String> hit = new ArrayList<>();
    if (type.equals("temporal_ordered")) {
      measure = "RuleCount";
      b.append("let Ordered = Windows\n| where SigmaRule == ")
          .append(KqlStrings.quote(parts.get(0).ruleName()))
          .append("\n| summarize Step1 = min(EventTime) by WindowStart, ")
          .append(keyList);
      for (int i = 1; i < parts.size(); i++) {
        b.append("\n| join kind=inner (Windows | where SigmaRule == ")
            .append(KqlStrings.quote(parts.get(i).ruleName()))
            .append(") on WindowStart, ")
            .append(keyList)
            .append("\n| where EventTime > Step")
            .append(i)
            .append("\n| summarize Step")
            .append(i + 1)
            .append(" = min(EventTime) by WindowStart, ")
            .append(keyList);
      }
      b.append(";\nWindows\n| summarize RuleCount = count_distinct(SigmaRule) by WindowStart, ")
          .append(keyList)
          .append("\n| join kind=leftouter (Ordered) on WindowStart, ")
          .append(keyList);
      hit.add("isnotnull(Step" + parts.size() + ")");
    } else {
      String aggregate;
      switch (type) {
        case "event_count" -> {
          measure = "EventCount";
          aggregate = "EventCount = count()";
        }
        case "value_count" -> {
          measure = "ValueCount";
          aggregate = "ValueCount = count_distinctif(SigmaValue, isnotempty(SigmaValue))";
        }
        case "value_sum" -> {
          measure = "ValueSum";
          aggregate = "Values = countif(isnotnull(SigmaValue)), ValueSum = sum(SigmaValue)";
          hit.add("Values > 0");
        }
        case "value_avg" -> {
          measure = "ValueAvg";
          aggregate =
              "Values = countif(isnotnull(SigmaValue)), ValueAvg = avgif(SigmaValue,"
                  + " isnotnull(SigmaValue))";
          hit.add("Values > 0");
        }
        case "value_percentile", "value_median" -> {
          measure = type.equals("value_median") ? "ValueMedian" : "ValuePercentile";
          aggregate =
              "Values = countif(isnotnull(SigmaValue)), "
                  + measure
                  + " = percentile(SigmaValue, "
                  + PredicateWriter.number(new BigDecimal(percentile.trim()))
                  + ")";
          hit.add("Values > 0");
        }
        default -> {
          measure = "RuleCount";
          aggregate = "RuleCount = count_distinct(SigmaRule)";
        }
      }
      b.append("Windows\n| summarize ")
          .append(aggregate)
          .append(" by WindowStart, ")
          .append(keyList);
    }
    List<String> threshold = threshold(c.condition(), measure);
    if (threshold == null) {
      return KqlResult.failure(List.of("the correlation's condition is not a number"));
    }
    hit.addAll(threshold);
    if (type.startsWith("temporal") && threshold.isEmpty()) {
      hit.add(measure + " == " + distinctRules(parts));
    }
    if (hit.isEmpty()) {
      hit.add("true");
    }
    List<String> sortKeys = new ArrayList<>();
    List<String> sameGroup = new ArrayList<>();
    for (String k : keys) {
      sortKeys.add(k + " asc");
      sameGroup.add("prev(" + k + ") == " + k);
    }
    sortKeys.add("WindowStart asc");
    b.append("\n| extend Hit = ").append(String.join(" and ", hit));
    b.append("\n| sort by ").append(String.join(", ", sortKeys));
    b.append("\n| extend Reported = Hit and not(prev(Hit, 1, false) and ")
        .append(String.join(" and ", sameGroup))
        .append(" and prev(WindowStart) + ")
        .append(span)
        .append(" >= WindowStart)");
    b.append("\n| where Reported");
    b.append("\n| project WindowStart, WindowEnd = WindowStart + ").append(span);
    for (String g : groups) {
      b.append(", ").append(g);
    }
    b.append(", ").append(measure);
    List<String> warnings = new ArrayList<>();
    for (Part p : parts) {
      warnings.addAll(p.selected().warnings());
    }
    return new KqlResult(b.toString(), parts.get(0).selected().table().name(), List.of(), warnings);
  }

  private static long distinctRules(List<Part> parts) {
    return parts.stream().map(p -> System.identityHashCode(p.rule())).distinct().count();
  }

  private static List<String> threshold(Map<String, String> condition, String measure) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : condition.entrySet()) {
      String op =
          switch (e.getKey()) {
            case "gt" -> ">";
            case "gte" -> ">=";
            case "lt" -> "<";
            case "lte" -> "<=";
            case "eq" -> "==";
            case "neq" -> "!=";
            default -> null;
          };
      if (op == null) {
        continue;
      }
      try {
        out.add(
            measure + " " + op + " " + PredicateWriter.number(new BigDecimal(e.getValue().trim())));
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    return out;
  }

  /** A KQL timespan literal for a number of seconds. */
  static String timespan(long seconds) {
    if (seconds % 86400 == 0) {
      return seconds / 86400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static String letName(String ref, int index) {
    String cleaned = ref.replaceAll("[^A-Za-z0-9_]", "_");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "rule" + index + (cleaned.isEmpty() ? "" : "_" + cleaned);
    }
    if (List.of("Events", "Windows", "Ordered").contains(cleaned)) {
      cleaned = cleaned + "_rule";
    }
    return KqlStrings.isIdentifier(cleaned) ? cleaned : "rule" + index;
  }
}
