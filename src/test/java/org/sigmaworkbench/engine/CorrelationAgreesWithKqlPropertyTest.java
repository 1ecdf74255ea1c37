package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.sigmaworkbench.engine.kqleval.KqlRow;
import org.sigmaworkbench.engine.kqleval.KqlScript;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaKeys;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * One meaning for correlations: for random events (times, group values, values) and a random
 * correlation of each type, the hits the engine finds are exactly the rows the written KQL returns,
 * evaluated by the test's own KQL evaluator. Both define windows the same way (sliding, one per
 * distinct start time and group, a burst reported at its first window), so a hit is compared as
 * (group values, window start, measure).
 */
class CorrelationAgreesWithKqlPropertyTest {

  private static final LogSource PROCESS_CREATION =
      new LogSource("process_creation", "windows", null, null);

  private static final List<String> RULES = List.of("ra", "rb", "rc");
  private static final List<String> OPS = List.of("gt", "gte", "lt", "lte", "eq", "neq");
  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

  /** One generated event: minutes after T0, and its field values by index. */
  record Ev(int minute, int command, int computer, int parent, int image, int pid) {}

  record Case(
      String target,
      String type,
      List<String> rules,
      List<String> groupBy,
      int spanMinutes,
      Map<String, String> condition,
      List<Ev> events) {
    String yaml() {
      StringBuilder b = new StringBuilder("title: Generated\ncorrelation:\n");
      b.append("  type: ").append(type).append('\n');
      b.append("  rules: [").append(String.join(", ", rules)).append("]\n");
      if (!groupBy.isEmpty()) {
        b.append("  group-by: [").append(String.join(", ", groupBy)).append("]\n");
      }
      b.append("  timespan: ").append(spanMinutes).append("m\n");
      if (!condition.isEmpty()) {
        b.append("  condition:\n");
        condition.forEach((k, v) -> b.append("    ").append(k).append(": ").append(v).append('\n'));
      }
      for (String r : RULES) {
        b.append("---\ntitle: Rule ")
            .append(r)
            .append("\nname: ")
            .append(r)
            .append("\nlogsource: {category: process_creation, product: windows}\n")
            .append("detection:\n  sel: {CommandLine|contains: 'tok")
            .append(r)
            .append("'}\n  condition: sel\n");
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return target + "\n" + yaml() + "\nevents: " + events;
    }
  }

  private static final List<String> COMMANDS =
      List.of("tokra", "tokrb", "tokrc", "x tokra tokrb", "other", "TOKRC /q");
  private static final List<String> COMPUTERS = List.of("pc1", "pc2", "");
  private static final List<String> PARENTS = List.of("C:\\a.exe", "C:\\b.exe");
  private static final List<String> IMAGES = List.of("i1", "i2", "i3", "");
  private static final List<String> PIDS = List.of("1", "5", "20", "300", "", "x");

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Ev> ev =
        Combinators.combine(
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, COMMANDS.size() - 1),
                Arbitraries.integers().between(0, COMPUTERS.size() - 1),
                Arbitraries.integers().between(0, PARENTS.size() - 1),
                Arbitraries.integers().between(0, IMAGES.size() - 1),
                Arbitraries.integers().between(0, PIDS.size() - 1))
            .as(Ev::new);
    Arbitrary<Map<String, String>> condition =
        Combinators.combine(
                Arbitraries.of(OPS),
                Arbitraries.integers().between(0, 6),
                Arbitraries.of(OPS),
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 3))
            .as(
                (op1, n1, op2, n2, shape) -> {
                  Map<String, String> m = new LinkedHashMap<>();
                  if (shape == 0) {
                    return m;
                  }
                  m.put(op1, Integer.toString(n1));
                  if (shape == 3 && !op2.equals(op1)) {
                    m.put(op2, Integer.toString(n2 % 8));
                  }
                  return m;
                });
    return Combinators.combine(
            Arbitraries.of("sentinel_asim", "microsoft_xdr"),
            Arbitraries.of(SigmaKeys.CORRELATION_TYPES),
            Arbitraries.of(RULES).list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
            Arbitraries.of("Computer", "ParentImage").list().ofMaxSize(2).uniqueElements(),
            Arbitraries.of(3, 5, 10, 15),
            condition,
            Arbitraries.of(0, 50, 90, 100),
            ev.list().ofMinSize(1).ofMaxSize(40))
        .as(
            (target, type, rules, groupBy, span, cond, pct, events) -> {
              Map<String, String> c = new LinkedHashMap<>();
              boolean temporal = type.startsWith("temporal");
              if (!temporal) {
                if (type.equals("value_count")) {
                  c.put("field", "Image");
                } else if (type.startsWith("value")) {
                  c.put("field", "ProcessId");
                }
                if (type.equals("value_percentile")) {
                  c.put("percentile", Integer.toString(pct));
                }
                if (cond.isEmpty()) {
                  c.put("gte", "1");
                }
              }
              cond.forEach(
                  (k, v) ->
                      c.put(
                          k,
                          type.startsWith("value_") && !type.equals("value_count")
                              ? Integer.toString(Integer.parseInt(v) * 17)
                              : v));
              return new Case(target, type, rules, groupBy, span, c, events);
            });
  }

  private static Target.Table table(String target) {
    return TargetCatalog.get(target).tableFor(PROCESS_CREATION).orElseThrow();
  }

  @Property(tries = 800)
  void engineHitsAreTheRowsTheKqlReturns(@ForAll("cases") Case c) {
    List<RuleDocument> docs = new RuleLoader().load(c.yaml(), "generated.yml").documents();
    Correlations correlations = Correlations.of(docs);
    assertThat(correlations.problems()).isEmpty();
    Map<String, SigmaRule> byName = new LinkedHashMap<>();
    List<CompiledRule> compiled = new ArrayList<>();
    org.sigmaworkbench.rule.CorrelationRule correlation = null;
    for (RuleDocument d : docs) {
      if (d instanceof SigmaRule r) {
        byName.put(r.meta().name(), r);
        compiled.add(CompiledRule.compile(r));
      } else {
        correlation = (org.sigmaworkbench.rule.CorrelationRule) d;
      }
    }
    Target target = TargetCatalog.get(c.target());
    KqlResult kql = new KqlWriter(target).write(correlation, byName);
    assertThat(kql.errors()).isEmpty();
    Target.Table table = table(c.target());

    List<KqlRow> rows = new ArrayList<>();
    CorrelationRun run = correlations.start(false);
    int record = 0;
    for (Ev e : c.events()) {
      Map<String, String> columns = new LinkedHashMap<>(processCreationFilter(table));
      put(table, columns, "CommandLine", COMMANDS.get(e.command()));
      put(table, columns, "Computer", COMPUTERS.get(e.computer()));
      put(table, columns, "ParentImage", PARENTS.get(e.parent()));
      put(table, columns, "Image", IMAGES.get(e.image()));
      put(table, columns, "ProcessId", PIDS.get(e.pid()));
      Instant time = T0.plusSeconds(60L * e.minute());
      KqlRow row = new KqlRow(table.columns());
      columns.forEach(row::set);
      row.setValue(target.timeColumn(), time);
      rows.add(row);
      columns.put(target.timeColumn(), time.toString());
      FieldLayout layout = FieldLayout.of(c.target(), table.name(), "process_creation");
      FieldSchema schema = FieldSchema.of(new ArrayList<>(columns.keySet()), layout);
      Event event =
          new Event("generated", ++record, schema, columns.values().toArray(String[]::new));
      List<SigmaRule> matched = new ArrayList<>();
      for (CompiledRule r : compiled) {
        if (r.appliesTo(event) && r.matches(event)) {
          matched.add(r.rule());
        }
      }
      run.add(event, matched);
    }
    TreeSet<String> engine = new TreeSet<>();
    for (CorrelationHit h : run.finish()) {
      engine.add(key(new ArrayList<>(h.group().values()), h.windowStart(), h.value()));
    }
    TreeSet<String> fromKql = new TreeSet<>();
    List<KqlRow> result = KqlScript.parse(kql.query()).run(Map.of(table.name(), rows));
    String measure = null;
    for (KqlRow r : result) {
      List<String> group = new ArrayList<>();
      for (String g : c.groupBy()) {
        group.add((String) r.value(g));
      }
      if (measure == null) {
        measure = measureColumn(c.type());
      }
      fromKql.add(key(group, (Instant) r.value("WindowStart"), (Number) r.value(measure)));
      assertThat(r.value("WindowEnd"))
          .isEqualTo(((Instant) r.value("WindowStart")).plusSeconds(60L * c.spanMinutes()));
    }
    Statistics.label("hits").collect(engine.isEmpty() ? "none" : "some");
    Statistics.label("type").collect(c.type());
    assertThat(engine).as("engine hits vs KQL rows\n%s", kql.query()).isEqualTo(fromKql);
    Statistics.label("hits").coverage(checker -> checker.check("some").percentage(p -> p > 20));
  }

  private static String measureColumn(String type) {
    return switch (type) {
      case "event_count" -> "EventCount";
      case "value_count" -> "ValueCount";
      case "value_sum" -> "ValueSum";
      case "value_avg" -> "ValueAvg";
      case "value_percentile" -> "ValuePercentile";
      case "value_median" -> "ValueMedian";
      default -> "RuleCount";
    };
  }

  private static String key(List<String> group, Instant start, Number value) {
    BigDecimal v =
        value instanceof Long l
            ? BigDecimal.valueOf(l)
            : new BigDecimal(value.doubleValue()).round(new MathContext(9));
    return group + "@" + start + "=" + v.stripTrailingZeros().toPlainString();
  }

  /** Sets the column of a Sigma field; a long column only gets whole numbers (else absent). */
  private static void put(
      Target.Table table, Map<String, String> columns, String field, String value) {
    String column = table.columnsFor(field).orElseThrow().get(0);
    String type = table.columnType(column).orElse("string");
    if (!type.equals("string") && !value.matches("-?[0-9]+")) {
      return;
    }
    if (!columns.containsKey(column)) {
      columns.put(column, value);
    }
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
}
