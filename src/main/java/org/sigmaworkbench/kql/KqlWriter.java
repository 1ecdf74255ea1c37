package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;

/**
 * Writes a normalized rule as KQL for a {@link Target}: the table, then {@code | where} and the
 * condition. Every predicate keeps its meaning: string comparisons are case-insensitive unless the
 * rule says {@code cased}, wildcards in the middle become an anchored case-insensitive regex, a
 * field with no value holds only what {@link org.sigmaworkbench.rule.Predicate#holdsOnNoValue()}
 * says. Where a target writes a value differently, the value is rewritten as the target file says,
 * or the rule fails with a message.
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

  /**
   * The query of a detection rule (with its Sigma 1.x aggregation, if it has one). A logsource
   * whose events live in several tables (union-marked sources) is read from all of them: a {@code
   * union} of one filtered branch per table, each with its own columns.
   */
  public KqlResult write(SigmaRule rule) {
    Target.Home home = target.homeOf(rule.logsource());
    if (home.union() && home.branches().size() > 1 && rule.aggregation() == null) {
      KqlResult pre = precheck(rule);
      return pre != null ? pre : writeUnion(rule, home);
    }
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
      if (home.union() && home.branches().size() > 1) {
        warnings.add(
            "an aggregation reads one table: only "
                + s.table().name()
                + " is searched, not "
                + String.join(
                    ", ",
                    home.branches().stream()
                        .map(b -> b.table().name())
                        .filter(n -> !n.equals(s.table().name()))
                        .distinct()
                        .toList()));
      }
    }
    Target.Source source = s.table().sourceFor(rule.logsource()).orElseThrow();
    // The query is assembled last: the aggregation may add computed columns.
    return new KqlResult(
        s.query() + aggregation,
        s.table().name(),
        List.of(),
        warnings,
        List.of(new Target.Branch(s.table(), source)));
  }

  /**
   * Every table of the logsource, each branch over its own columns. A field that a branch's table
   * lacks while another branch has it reads as the empty string there (the events of that table do
   * not carry it, and the matcher tests a missing field as the empty string); a branch whose
   * condition can then never hold is left out with a note. A field no branch has fails the rule as
   * for one table.
   */
  private KqlResult writeUnion(SigmaRule rule, Target.Home home) {
    Expr condition = Simplifier.simplify(rule.condition());
    Predicate<String> mappedSomewhere =
        f -> home.branches().stream().anyMatch(b -> b.table().mappingFor(f).isPresent());
    KqlResult first = null;
    for (boolean keep :
        options.keepUnmapped() ? new boolean[] {false, true} : new boolean[] {false}) {
      List<Selected> branches = new ArrayList<>();
      List<Target.Branch> reads = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<String> left = new ArrayList<>();
      KqlResult failure = null;
      KqlResult firstError = null;
      for (Target.Branch b : home.branches()) {
        RuleTranslator t = new RuleTranslator(target, b.table(), keep, mappedSomewhere);
        Cond cond = t.translate(condition);
        if (!t.problems.unmapped.isEmpty()) {
          List<String> errors = new ArrayList<>();
          errors.add(t.unmappedMessage());
          errors.addAll(t.problems.errors);
          failure = new KqlResult(null, b.table().name(), errors, List.of());
          break;
        }
        if (!t.problems.ok()) {
          // A value this table cannot express: the other tables are still read.
          if (firstError == null) {
            firstError =
                new KqlResult(null, b.table().name(), List.copyOf(t.problems.errors), List.of());
          }
          left.add(b.table().name() + " (" + String.join("; ", t.problems.errors) + ")");
          continue;
        }
        if (cond instanceof Cond.Constant c && !c.value()) {
          left.add(
              b.table().name()
                  + " (it has no "
                  + String.join(", ", t.absent)
                  + ", so the rule cannot match its rows)");
          continue;
        }
        for (String w : t.problems.warnings) {
          if (!warnings.contains(w)) {
            warnings.add(w);
          }
        }
        branches.add(selected(b.table(), b.source(), t, cond));
        reads.add(b);
      }
      if (failure == null && branches.isEmpty()) {
        failure =
            firstError != null
                ? firstError
                : KqlResult.failure(
                    List.of(
                        "no table of "
                            + target.title()
                            + " holds the fields the rule needs: "
                            + String.join("; ", left)));
      }
      if (failure != null) {
        if (first == null) {
          first = failure;
        }
        continue;
      }
      if (!left.isEmpty()) {
        warnings.add("the query leaves out " + String.join("; ", left));
      }
      String query;
      if (branches.size() == 1) {
        query = branches.get(0).query();
      } else {
        List<String> parts = new ArrayList<>();
        for (Selected s : branches) {
          parts.add("  (" + s.query().replace("\n", "\n  ") + ")");
        }
        query = "union\n" + String.join(",\n", parts);
      }
      return new KqlResult(query, branches.get(0).table().name(), List.of(), warnings, reads);
    }
    return first;
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

  /** Why a rule cannot be written at all (errors, empty placeholders, no table), or null. */
  private KqlResult precheck(SigmaRule rule) {
    if (!rule.isUsable()) {
      return KqlResult.failure(List.of("the rule has errors; fix them first"));
    }
    List<String> empty = new ArrayList<>();
    for (RuleProblem p : rule.problems()) {
      if (p.code().equals("placeholder.empty")) {
        empty.add(p.message());
      }
    }
    if (!empty.isEmpty()) {
      return KqlResult.failure(
          List.of(
              String.join("; ", empty)
                  + " (on the command line: convert --placeholder NAME=VALUE, repeated for"
                  + " each value)"));
    }
    if (target.tablesFor(rule.logsource()).isEmpty()) {
      return KqlResult.failure(
          List.of(
              "no "
                  + target.title()
                  + " table for logsource '"
                  + rule.logsource().describe()
                  + "'; this target offers: "
                  + String.join("; ", target.servedLogsources())));
    }
    return null;
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
    KqlResult pre = precheck(rule);
    if (pre != null) {
      return Selected.failed(pre);
    }
    List<Target.Table> tables = target.tablesFor(rule.logsource());
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
    return selected(table, table.sourceFor(rule.logsource()).orElseThrow(), t, cond);
  }

  /** A translated condition on a table, with the row filter of its source where it is needed. */
  private static Selected selected(
      Target.Table table, Target.Source source, RuleTranslator t, Cond cond) {
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
