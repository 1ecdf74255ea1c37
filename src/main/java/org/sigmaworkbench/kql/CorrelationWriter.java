package org.sigmaworkbench.kql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * A correlation rule as KQL: the queries of the rules it names, each reduced to the time, the rule
 * name and the group-by fields, then {@code summarize} over {@code bin(time, timespan)} by those
 * fields and a {@code where} on the threshold. Windows are fixed bins of the timespan, as KQL's
 * {@code bin} makes them.
 */
final class CorrelationWriter {

  private final KqlWriter writer;

  CorrelationWriter(KqlWriter writer) {
    this.writer = writer;
  }

  /** One referenced rule, written for its table. */
  private record Part(String letName, String ruleName, KqlWriter.Selected selected) {}

  KqlResult write(CorrelationRule c, Map<String, SigmaRule> rules) {
    if (c.hasErrors() || c.type() == null) {
      return KqlResult.failure(List.of("the correlation has errors; fix them first"));
    }
    String type = c.type();
    if (type.equals("value_percentile")) {
      return KqlResult.failure(
          List.of(
              "a value_percentile correlation cannot be written: the rule model does not keep"
                  + " which percentile it compares"));
    }
    if (type.equals("temporal_ordered") && c.rules().size() != 2) {
      return KqlResult.failure(
          List.of(
              "a temporal_ordered correlation over "
                  + c.rules().size()
                  + " rules cannot be written with summarize; it is written for exactly two"));
    }
    List<String> errors = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
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
      KqlWriter.Selected s = writer.select(rule);
      if (s.failure() != null) {
        errors.add("rule '" + ref + "': " + String.join("; ", s.failure().errors()));
        continue;
      }
      parts.add(new Part(letName(ref, parts.size() + 1), ref, s));
    }
    if (!errors.isEmpty()) {
      return KqlResult.failure(errors);
    }

    // Per rule: the columns it contributes, named by the correlation's field names.
    String time = writer.target().timeColumn();
    String valueField = c.condition().get("field");
    List<String> groupNames = new ArrayList<>(c.groupBy());
    List<String> projections = new ArrayList<>();
    for (Part p : parts) {
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put(KqlStrings.column(time), null);
      if (type.startsWith("temporal")) {
        columns.put("SigmaRule", KqlStrings.quote(p.ruleName()));
      }
      for (String g : groupNames) {
        ColumnExpr value = field(c, p, g);
        columns.put(KqlStrings.column(g), value == null ? null : value.asString());
      }
      if (valueField != null) {
        ColumnExpr value = field(c, p, valueField);
        columns.put(
            KqlStrings.column(valueField),
            value == null ? null : type.equals("value_count") ? value.asString() : value.text());
      }
      if (!p.selected().translator().problems.ok()) {
        RuleTranslator t = p.selected().translator();
        if (!t.problems.unmapped.isEmpty()) {
          errors.add("rule '" + p.ruleName() + "': " + t.unmappedMessage());
        }
        for (String e : t.problems.errors) {
          errors.add("rule '" + p.ruleName() + "': " + e);
        }
        continue;
      }
      List<String> terms = new ArrayList<>();
      columns.forEach((k, v) -> terms.add(v == null || v.equals(k) ? k : k + " = " + v));
      projections.add(p.selected().query() + "\n| project " + String.join(", ", terms));
    }
    if (!errors.isEmpty()) {
      return KqlResult.failure(errors);
    }

    StringBuilder b = new StringBuilder();
    if (parts.size() == 1) {
      b.append(projections.get(0));
    } else {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        b.append("let ").append(parts.get(i).letName()).append(" = ");
        b.append(projections.get(i)).append(";\n");
        names.add(parts.get(i).letName());
      }
      b.append("union ").append(String.join(", ", names));
    }
    String by = "bin(" + KqlStrings.column(time) + ", " + timespan(c.timespanSeconds()) + ")";
    for (String g : groupNames) {
      by += ", " + KqlStrings.column(g);
    }
    String valueColumn = valueField == null ? null : KqlStrings.column(valueField);
    String measure;
    String aggregate;
    switch (type) {
      case "event_count" -> {
        measure = "EventCount";
        aggregate = "count()";
      }
      case "value_count" -> {
        measure = "ValueCount";
        aggregate = "count_distinct(" + valueColumn + ")";
      }
      case "value_sum" -> {
        measure = "ValueSum";
        aggregate = "sum(todouble(" + valueColumn + "))";
      }
      case "value_avg" -> {
        measure = "ValueAvg";
        aggregate = "avg(todouble(" + valueColumn + "))";
      }
      case "temporal" -> {
        measure = "RuleCount";
        aggregate = "count_distinct(SigmaRule)";
      }
      default -> {
        measure = null;
        aggregate = null;
      }
    }
    List<String> where = new ArrayList<>();
    if (type.equals("temporal_ordered")) {
      b.append("\n| summarize FirstTime = minif(")
          .append(KqlStrings.column(time))
          .append(", SigmaRule == ")
          .append(KqlStrings.quote(parts.get(0).ruleName()))
          .append("), LastTime = maxif(")
          .append(KqlStrings.column(time))
          .append(", SigmaRule == ")
          .append(KqlStrings.quote(parts.get(1).ruleName()))
          .append(") by ")
          .append(by);
      where.add("FirstTime < LastTime");
    } else {
      b.append("\n| summarize ").append(measure).append(" = ").append(aggregate);
      b.append(" by ").append(by);
      List<String> threshold = threshold(c.condition(), measure);
      if (threshold == null) {
        return KqlResult.failure(List.of("the correlation's condition is not a number"));
      }
      where.addAll(threshold);
      if (type.equals("temporal") && threshold.isEmpty()) {
        where.add(measure + " == " + parts.size());
      }
    }
    if (!where.isEmpty()) {
      b.append("\n| where ").append(String.join(" and ", where));
    }
    List<String> warnings = new ArrayList<>();
    for (Part p : parts) {
      warnings.addAll(p.selected().warnings());
    }
    return new KqlResult(b.toString(), parts.get(0).selected().table().name(), List.of(), warnings);
  }

  /** A field of the correlation (an alias, or a field name) in one referenced rule. */
  private static ColumnExpr field(CorrelationRule c, Part p, String name) {
    String field = name;
    Map<String, String> alias = c.aliases().get(name);
    if (alias != null && alias.containsKey(p.ruleName())) {
      field = alias.get(p.ruleName());
    }
    return p.selected().translator().plainValue(field);
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
        out.add(measure + " " + op + " " + PredicateWriter.number(new BigDecimal(e.getValue())));
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
    return KqlStrings.isIdentifier(cleaned) ? cleaned : "rule" + index;
  }
}
