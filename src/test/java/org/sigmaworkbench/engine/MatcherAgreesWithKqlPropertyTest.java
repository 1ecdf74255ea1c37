package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.sigmaworkbench.engine.kqleval.EventValues;
import org.sigmaworkbench.engine.kqleval.KqlQuery;
import org.sigmaworkbench.engine.kqleval.KqlRow;
import org.sigmaworkbench.engine.kqleval.SigmaRuleGrammar;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * One meaning: for generated rules and events, the matcher hits exactly the events the KQL the
 * writer renders for the same rule keeps, evaluated by the test's own KQL evaluator. Events carry
 * the columns of the target's process-creation table, so the field mapping is part of what agrees.
 */
class MatcherAgreesWithKqlPropertyTest {

  /** Values for {@code |expand}; {@code %Servers%} stays empty (it then matches nothing). */
  private static final Placeholders PLACEHOLDERS =
      Placeholders.standard().with("Administrators", List.of("admin*", "Jürgen", "ro?t"));

  private static final LogSource PROCESS_CREATION =
      new LogSource("process_creation", "windows", null, null);

  /** A generated rule for a target, and seeds that pick each event's values. */
  record Case(String target, SigmaRuleGrammar.Rule rule, List<List<Integer>> events) {
    @Override
    public String toString() {
      return target + "\n" + rule.yaml();
    }
  }

  private static Target.Table table(String target) {
    return TargetCatalog.get(target).tableFor(PROCESS_CREATION).orElseThrow();
  }

  private static List<String> fields(String target) {
    return new ArrayList<>(new TreeSet<>(table(target).fields().keySet()));
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<List<List<Integer>>> seeds =
        Arbitraries.integers()
            .between(0, 1 << 20)
            .list()
            .ofSize(8)
            .list()
            .ofMinSize(1)
            .ofMaxSize(8);
    return Arbitraries.of(TargetCatalog.BUILT_IN)
        .flatMap(
            t ->
                Combinators.combine(SigmaRuleGrammar.rule(fields(t)), seeds)
                    .as((r, s) -> new Case(t, r, s)));
  }

  @Property(tries = 1500)
  void matcherHitsWhatTheKqlKeeps(@ForAll("cases") Case c) {
    SigmaRule rule =
        new RuleLoader().load(c.rule().yaml(), "generated.yml").firstRule().orElseThrow();
    Statistics.label("usable").collect(rule.isUsable());
    Assume.that(rule.isUsable());
    KqlResult kql = new KqlWriter(TargetCatalog.get(c.target())).write(rule);
    Statistics.label("converted").collect(kql.ok());
    Assume.that(kql.ok());
    KqlQuery query = KqlQuery.parse(kql.query());
    CompiledRule matcher = CompiledRule.compile(rule);
    Target.Table table = table(c.target());
    // The fields are those the target's first process table maps plainly, so the writer picks that
    // table (when it picks another, the rule used a field that table does not have).
    Statistics.label("table").collect(kql.table().equals(table.name()));
    Assume.that(kql.table().equals(table.name()));
    Map<String, List<String>> candidates = EventValues.candidates(rule.condition());
    List<String> fields = fields(c.target());
    for (List<Integer> seeds : c.events()) {
      Map<String, String> columns = columns(table, fields, candidates, seeds);
      boolean kqlKeeps = query.keeps(table.name(), row(table, columns));
      Event event = event(c.target(), table, columns);
      boolean hit = matcher.matches(event);
      Statistics.label("outcome").collect(hit ? "hit" : "miss");
      assertThat(hit)
          .as(
              "matcher and KQL disagree\nrule:\n%s\nKQL:\n%s\nevent columns: %s\nexplanation: %s",
              c.rule().yaml(), kql.query(), escape(columns), matcher.explain(event).summary())
          .isEqualTo(kqlKeeps);
    }
    Statistics.label("outcome")
        .coverage(
            checker -> {
              // The events are built to hit and to miss; both must happen often.
              checker.check("hit").percentage(p -> p > 15);
              checker.check("miss").percentage(p -> p > 15);
            });
    Statistics.label("rule field")
        .coverage(
            checker -> {
              checker.check("absent").percentage(p -> p > 5);
              checker.check("empty").percentage(p -> p > 5);
            });
  }

  /** Column values for one event: each field's value picked from its candidates by a seed. */
  private static Map<String, String> columns(
      Target.Table table,
      List<String> fields,
      Map<String, List<String>> candidates,
      List<Integer> seeds) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      int s = seeds.get(i % seeds.size()) + 7919 * i;
      List<String> pool = candidates.get(f);
      if (pool != null) {
        // A field the rule names is absent, empty or one of its candidates: no value is one of
        // the outcomes each side must agree on.
        int k = s % 8;
        Statistics.label("rule field").collect(k == 0 ? "absent" : k == 1 ? "empty" : "value");
        if (k == 1) {
          byField.put(f, "");
        } else if (k != 0) {
          byField.put(f, pool.get((s / 8) % pool.size()));
        }
      } else if (s % 9 == 0) {
        byField.put(f, List.of("x", "", "cmd", "Export-Certificate ").get((s / 9) % 4));
      }
    }
    List<String> keywords = candidates.get(null);
    if (keywords != null) {
      int s = seeds.get(0);
      String f = fields.get((s / 3) % fields.size());
      if (s % 3 != 0) {
        String k = keywords.get((s / 7) % keywords.size());
        byField.put(f, s % 2 == 0 ? k : "pre " + k + " post");
      }
    }
    Map<String, String> columns = new LinkedHashMap<>();
    // The event is a process creation: the columns the table's filter selects those rows by hold
    // the filter's values (EventID 4688 in SecurityEvent), whatever the generator picked.
    Map<String, String> filter = processCreationFilter(table);
    columns.putAll(filter);
    for (Map.Entry<String, String> e : byField.entrySet()) {
      String column = table.columnsFor(e.getKey()).orElseThrow().get(0);
      String type = table.columnType(column).orElse("string");
      String v = e.getValue();
      if (!type.equals("string")) {
        v = canonicalInteger(v, type.equals("int"));
        if (v == null) {
          continue;
        }
      }
      if (!filter.containsKey(column)) {
        columns.put(column, v);
      }
    }
    return columns;
  }

  /** Column to value of the table's process-creation row filter (first value of each). */
  private static Map<String, String> processCreationFilter(Target.Table table) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Target.Source source : table.sources()) {
      if (PROCESS_CREATION.category().equals(source.logsource().category())) {
        source.filter().forEach((column, values) -> out.put(column, values.get(0).toString()));
        break;
      }
    }
    return out;
  }

  /** The text of a long (or int) column: the value when it is written as one, else absent. */
  private static String canonicalInteger(String v, boolean int32) {
    try {
      long n = Long.parseLong(v);
      if (!Long.toString(n).equals(v) || (int32 && (int) n != n)) {
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The row of the event: its columns, every other column of the table empty. */
  private static KqlRow row(Target.Table table, Map<String, String> columns) {
    KqlRow row = new KqlRow(table.columns());
    columns.forEach(row::set);
    return row;
  }

  private static Event event(String target, Target.Table table, Map<String, String> columns) {
    FieldLayout layout = FieldLayout.of(target, table.name(), "process_creation");
    FieldSchema schema = FieldSchema.of(new ArrayList<>(columns.keySet()), layout);
    return new Event("generated", 1, schema, columns.values().toArray(String[]::new));
  }

  private static String escape(Map<String, String> columns) {
    StringBuilder b = new StringBuilder("{");
    columns.forEach(
        (k, v) -> {
          b.append(k).append('=').append('"');
          for (char ch : v.toCharArray()) {
            b.append(
                ch < 0x20 || ch > 0x7E ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
          }
          b.append("\", ");
        });
    return b.append('}').toString();
  }
}
