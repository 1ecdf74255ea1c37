package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Writes a normalized rule as KQL for a {@link Target}: the table, then {@code | where} and the
 * condition. Every predicate keeps its meaning: string comparisons are case-insensitive unless the
 * rule says {@code cased}, wildcards in the middle become an anchored case-insensitive regex, a
 * missing field reads as empty. Where a target writes a value differently, the value is rewritten
 * as the target file says, or the rule fails with a message.
 */
public final class KqlWriter {

  private final Target target;
  private final KqlOptions options;

  public KqlWriter(Target target, KqlOptions options) {
    this.target = target;
    this.options = options;
  }

  public KqlWriter(Target target) {
    this(target, KqlOptions.DEFAULT);
  }

  public Target target() {
    return target;
  }

  /** The query of a detection rule (with its Sigma 1.x aggregation, if it has one). */
  public KqlResult write(SigmaRule rule) {
    Selected s = select(rule);
    if (s.failure() != null) {
      return s.failure();
    }
    List<String> warnings = new ArrayList<>(s.warnings());
    String aggregation = "";
    if (rule.aggregation() != null) {
      AggregationWriter.Result a = AggregationWriter.write(rule.aggregation(), s);
      if (a.error() != null) {
        return new KqlResult(null, s.table().name(), List.of(a.error()), List.of());
      }
      aggregation = a.text();
      warnings.addAll(a.warnings());
    }
    // The query is assembled last: the aggregation may add computed columns.
    return new KqlResult(s.query() + aggregation, s.table().name(), List.of(), warnings);
  }

  /**
   * The query of a correlation rule over the rules it names.
   *
   * @param rules the rules the correlation may name, by id and by name
   */
  public KqlResult write(CorrelationRule correlation, Map<String, SigmaRule> rules) {
    return new CorrelationWriter(this).write(correlation, rules);
  }

  /**
   * A detection rule written for the first table that can hold it: the table, its rows and the
   * condition over its columns.
   *
   * @param failure why the rule cannot be written, or {@code null}
   */
  record Selected(
      Target.Table table,
      String filter,
      RuleTranslator translator,
      Cond condition,
      List<String> warnings,
      KqlResult failure) {

    static Selected failed(KqlResult failure) {
      return new Selected(null, null, null, null, List.of(), failure);
    }

    /** The table, its row filter, computed columns and the condition, one step a line. */
    String query() {
      StringBuilder b = new StringBuilder(table.name());
      if (filter != null) {
        b.append("\n| where ").append(filter);
      }
      if (!translator.extensions.isEmpty()) {
        List<String> parts = new ArrayList<>();
        translator.extensions.forEach((k, v) -> parts.add(KqlStrings.column(k) + " = " + v));
        b.append("\n| extend ").append(String.join(", ", parts));
      }
      if (!(condition instanceof Cond.Constant c && c.value())) {
        b.append("\n| where ").append(CondWriter.write(condition));
      }
      return b.toString();
    }
  }

  Selected select(SigmaRule rule) {
    return select(rule, List.of());
  }

  /**
   * A detection rule written for the first table that can hold it and also has the given fields
   * (those a correlation groups by or aggregates); when no table has them, the first that holds the
   * rule, whose translator then reports the missing fields.
   */
  Selected select(SigmaRule rule, List<String> alsoFields) {
    if (!rule.isUsable()) {
      return Selected.failed(KqlResult.failure(List.of("the rule has errors; fix them first")));
    }
    List<String> empty = new ArrayList<>();
    for (RuleProblem p : rule.problems()) {
      if (p.code().equals("placeholder.empty")) {
        empty.add(p.message());
      }
    }
    if (!empty.isEmpty()) {
      return Selected.failed(
          KqlResult.failure(
              List.of(
                  String.join("; ", empty)
                      + " (on the command line: convert --placeholder NAME=VALUE, repeated for"
                      + " each value)")));
    }
    List<Target.Table> tables = target.tablesFor(rule.logsource());
    if (tables.isEmpty()) {
      return Selected.failed(
          KqlResult.failure(
              List.of(
                  "no "
                      + target.title()
                      + " table for logsource '"
                      + rule.logsource().describe()
                      + "'; this target offers: "
                      + String.join("; ", target.servedLogsources()))));
    }
    Expr condition = Simplifier.simplify(rule.condition());
    Selected first = null;
    for (boolean keep :
        options.keepUnmapped() ? new boolean[] {false, true} : new boolean[] {false}) {
      for (Target.Table table : tables) {
        Selected s = select(rule, table, condition, keep);
        if (s.failure() == null && !alsoFields.isEmpty()) {
          Selected probe = select(rule, table, condition, keep);
          alsoFields.forEach(f -> probe.translator().plainValue(f));
          if (!probe.translator().problems.ok()) {
            if (first == null) {
              first = s;
            }
            continue;
          }
        }
        if (s.failure() == null) {
          return s;
        }
        if (first == null) {
          first = s;
        }
      }
    }
    return first;
  }

  private Selected select(SigmaRule rule, Target.Table table, Expr condition, boolean keep) {
    RuleTranslator t = new RuleTranslator(target, table, keep);
    Cond cond = t.translate(condition);
    if (!t.problems.ok()) {
      List<String> errors = new ArrayList<>();
      if (!t.problems.unmapped.isEmpty()) {
        errors.add(t.unmappedMessage());
      }
      errors.addAll(t.problems.errors);
      return Selected.failed(new KqlResult(null, table.name(), errors, List.of()));
    }
    Target.Source source = table.sourceFor(rule.logsource()).orElseThrow();
    String filter = null;
    if (!source.filter().isEmpty()
        && !ImpliedColumns.impliesNonEmpty(cond, source.filterImpliedBy())) {
      filter = filter(table, source);
    }
    return new Selected(table, filter, t, cond, List.copyOf(t.problems.warnings), null);
  }

  /** The rows of a table that hold a logsource's events. */
  private static String filter(Target.Table table, Target.Source source) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<Object>> e : source.filter().entrySet()) {
      ColumnExpr c = ColumnExpr.of(table, e.getKey());
      List<String> values = new ArrayList<>();
      for (Object v : e.getValue()) {
        boolean number = v instanceof Long || v.toString().matches("-?[0-9]+");
        values.add(c.isNumeric() && number ? v.toString() : KqlStrings.quote(v.toString()));
      }
      String lhs = c.isNumeric() ? c.text() : c.asString();
      parts.add(
          values.size() == 1
              ? lhs + " == " + values.get(0)
              : lhs + " in (" + String.join(", ", values) + ")");
    }
    return String.join(" and ", parts);
  }
}
