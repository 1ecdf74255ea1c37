package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.LegacyAggregation;

/**
 * A Sigma 1.x aggregation ({@code selection | count(field) by group > 10}) as {@code summarize} and
 * {@code where} after the rule's query.
 */
final class AggregationWriter {
  private AggregationWriter() {}

  /**
   * The lines to append, or why they cannot be written.
   *
   * @param text the KQL to append to the rule's query (starting with a line break)
   * @param error why it cannot be written, or {@code null}
   */
  record Result(String text, String error, List<String> warnings) {}

  static Result write(LegacyAggregation a, KqlWriter.Selected s) {
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "the Sigma 1.x aggregation spans the time range the query is run over; the rule's"
            + " timeframe is not part of it");
    String value;
    String name;
    switch (a.function()) {
      case "count" -> {
        if (a.field() == null) {
          name = "EventCount";
          value = "count()";
        } else {
          ColumnExpr f = s.translator().plainValue(a.field());
          if (f == null) {
            return failed(s);
          }
          name = "ValueCount";
          value = "count_distinct(" + f.asString() + ")";
        }
      }
      default -> {
        if (a.field() == null) {
          return new Result(null, "'" + a.function() + "()' needs a field to aggregate", warnings);
        }
        ColumnExpr f = s.translator().plainValue(a.field());
        if (f == null) {
          return failed(s);
        }
        name =
            switch (a.function()) {
              case "min" -> "MinValue";
              case "max" -> "MaxValue";
              case "avg" -> "AvgValue";
              default -> "SumValue";
            };
        value =
            a.function() + "(" + (f.isNumeric() ? f.text() : "todouble(" + f.text() + ")") + ")";
      }
    }
    StringBuilder b = new StringBuilder("\n| summarize ").append(name).append(" = ").append(value);
    if (a.groupBy() != null) {
      ColumnExpr g = s.translator().plainValue(a.groupBy());
      if (g == null) {
        return failed(s);
      }
      b.append(" by ").append(groupTerm(a.groupBy(), g));
    }
    b.append("\n| where ")
        .append(name)
        .append(' ')
        .append(PredicateWriter.operator(a.op()))
        .append(' ')
        .append(PredicateWriter.number(a.threshold()));
    if (!s.translator().problems.ok()) {
      return failed(s);
    }
    return new Result(b.toString(), null, warnings);
  }

  /** A group-by term: the column itself, or the Sigma name given to an expression. */
  static String groupTerm(String sigmaName, ColumnExpr value) {
    if (value.column() != null) {
      return value.text();
    }
    return KqlStrings.column(sigmaName) + " = " + value.asString();
  }

  private static Result failed(KqlWriter.Selected s) {
    List<String> errors = new ArrayList<>(s.translator().problems.errors);
    if (!s.translator().problems.unmapped.isEmpty()) {
      errors.add(0, s.translator().unmappedMessage());
    }
    return new Result(null, String.join("; ", errors), List.of());
  }
}
