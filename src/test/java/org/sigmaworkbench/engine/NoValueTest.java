package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sigmaworkbench.engine.kqleval.KqlQuery;
import org.sigmaworkbench.engine.kqleval.KqlRow;
import org.sigmaworkbench.kql.KqlResult;
import org.sigmaworkbench.kql.KqlWriter;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * No value (a field the event lacks or holds empty) means one thing to the matcher and to the KQL
 * of every target: each predicate kind, and each modifier that normalizes into one, is run on an
 * event where the field is absent, empty and present, and both sides must give the table of {@link
 * Predicate#holdsOnNoValue()}.
 */
class NoValueTest {

  /**
   * A target, the field the rules name, the column that holds it, and a second field with its
   * column for {@code fieldref}. A column with a dot is a property of a dynamic column; a long
   * column holds only whole numbers, so its empty value is null as its missing one is.
   */
  record Setting(
      String target,
      String field,
      String column,
      String other,
      String otherColumn,
      String table,
      boolean numbersOnly) {
    @Override
    public String toString() {
      return target + " " + column;
    }
  }

  static final List<Setting> SETTINGS =
      List.of(
          new Setting(
              "sentinel_asim",
              "CommandLine",
              "TargetProcessCommandLine",
              "Image",
              "TargetProcessName",
              "imProcessCreate",
              false),
          new Setting(
              "azure_monitor",
              "CurrentDirectory",
              "EventData.CurrentDirectory",
              "OriginalFileName",
              "EventData.OriginalFileName",
              "WindowsEvent",
              false),
          new Setting(
              "microsoft_xdr",
              "ProcessId",
              "ProcessId",
              "ParentProcessId",
              "InitiatingProcessId",
              "DeviceProcessEvents",
              true));

  /**
   * A detection value on the field ({@code F}), a value that makes it hold when present, and
   * whether it holds on an absent field, an empty field, the present value.
   */
  record Row(String item, String present, boolean absent, boolean empty, boolean onPresent) {}

  static final List<Row> TABLE =
      List.of(
          new Row("F: null", "x", true, true, false),
          new Row("F: ''", "x", true, true, false),
          new Row("F|exists: false", "x", true, true, false),
          new Row("F|exists: true", "x", false, false, true),
          new Row("F: '*'", "x", false, false, true),
          new Row("F: '**'", "x", false, false, true),
          new Row("F: '*?*'", "x", false, false, true),
          new Row("F: 'a*c'", "abc", false, false, true),
          new Row("F: abc", "ABC", false, false, true),
          new Row("F|cased: Abc", "Abc", false, false, true),
          new Row("F|contains: ''", "x", false, false, true),
          new Row("F|startswith: ''", "x", false, false, true),
          new Row("F|endswith: ''", "x", false, false, true),
          new Row("F|contains: '*'", "x", false, false, true),
          new Row("F|contains: bc", "abcd", false, false, true),
          new Row("F|startswith: ab", "abc", false, false, true),
          new Row("F|endswith: bc", "abc", false, false, true),
          new Row("F|contains|all: [a, c]", "abc", false, false, true),
          new Row("F|re: '.*'", "x", false, false, true),
          new Row("F|re: '^$'", "x", false, false, false),
          new Row("F|re: 'x?'", "x", false, false, true),
          new Row("F|re: 'b+'", "abbc", false, false, true),
          new Row("F|re|i: 'B'", "abc", false, false, true),
          new Row("F|cidr: 10.0.0.0/8", "10.1.2.3", false, false, true),
          new Row("F|cidr: '::/0'", "fe80::1", false, false, true),
          new Row("F: 4", "4", false, false, true),
          new Row("F|lt: 5", "4", false, false, true),
          new Row("F|lte: 5", "4", false, false, true),
          new Row("F|gt: 3", "4", false, false, true),
          new Row("F|gte: 0", "4", false, false, true),
          new Row("F|hour: 9", "2026-11-20T09:00:13Z", false, false, true),
          new Row("F|minute: 0", "2026-11-20 09:00:13", false, false, true),
          new Row("F|day: 20", "2026-11-20", false, false, true),
          new Row("F|week: 47", "2026-11-20 09:00:13", false, false, true),
          new Row("F|month: 11", "2026-11-20 09:00:13", false, false, true),
          new Row("F|year: 2026", "2026-11-20 09:00:13", false, false, true),
          new Row("F|base64: abc", "YWJj", false, false, true),
          new Row("F|base64offset|contains: abc", "xYWJjx", false, false, true),
          new Row("F|wide|base64offset|contains: ab", "YQBiAA==", false, false, true),
          new Row("F|windash|contains: ' -x '", "a /x b", false, false, true),
          new Row("F|neq: abc", "x", true, true, true),
          new Row("F|fieldref: G", "same", false, false, true));

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Setting s : SETTINGS) {
      for (Row r : TABLE) {
        out.add(Arguments.of(s, r));
      }
    }
    return out.stream();
  }

  private static final String ABSENT = null;

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void matcherAndKqlAgreeOnTheTable(Setting s, Row r) {
    SigmaRule rule =
        selection("sel:\n  " + r.item().replace("F", s.field()).replace("G", s.other()));
    assertThat(rule.isUsable()).as("%s", rule.problems()).isTrue();
    String present = r.present();
    boolean numeric = present.matches("-?[0-9]+");
    if (s.numbersOnly() && !numeric) {
      present = null;
    }
    Map<String, Boolean> expected = new LinkedHashMap<>();
    expected.put("absent", r.absent());
    expected.put("empty", r.empty());
    if (present != null) {
      expected.put("present", r.onPresent());
    }
    // A field reference is false when either field has no value: the other field is present here.
    for (Map.Entry<String, Boolean> e : expected.entrySet()) {
      String value =
          switch (e.getKey()) {
            case "absent" -> ABSENT;
            case "empty" -> "";
            default -> present;
          };
      Map<String, String> fields = new LinkedHashMap<>();
      if (value != null) {
        fields.put(s.field(), value);
      }
      if (r.item().contains("fieldref")) {
        fields.put(s.other(), present == null ? "7" : present);
      }
      boolean want = e.getValue();
      assertThat(matches(rule, fields)).as("matcher, field %s", e.getKey()).isEqualTo(want);
      assertThat(kqlKeeps(s, rule, fields)).as("KQL, field %s", e.getKey()).isEqualTo(want);
    }
    if (r.item().contains("fieldref") && present != null) {
      // The other side without a value.
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(s.field(), present);
      fields.put(s.other(), "");
      assertThat(matches(rule, fields)).as("matcher, other field empty").isFalse();
      assertThat(kqlKeeps(s, rule, fields)).as("KQL, other field empty").isFalse();
      fields.remove(s.other());
      assertThat(matches(rule, fields)).as("matcher, other field absent").isFalse();
      assertThat(kqlKeeps(s, rule, fields)).as("KQL, other field absent").isFalse();
    }
  }

  @Test
  void theTableCoversEveryPredicateKind() {
    Set<Class<?>> seen = new java.util.HashSet<>();
    for (Row r : TABLE) {
      SigmaRule rule = selection("sel:\n  " + r.item().replace("F", "A"));
      collect(rule.condition(), seen);
      assertThat(rule.isUsable()).as(r.item()).isTrue();
    }
    assertThat(seen).containsAll(Predicate.KINDS);
  }

  @Test
  void holdsOnNoValueIsTheTablesAnswerForEachPredicate() {
    for (Row r : TABLE) {
      if (r.item().contains("neq")) {
        continue; // a negation around equality, not a predicate of its own
      }
      SigmaRule rule = selection("sel:\n  " + r.item().replace("F", "A"));
      Set<Boolean> answers = new java.util.HashSet<>();
      List<Predicate> predicates = new ArrayList<>();
      predicates(rule.condition(), predicates);
      predicates.forEach(p -> answers.add(p.holdsOnNoValue()));
      assertThat(answers).as(r.item()).containsExactly(r.absent());
    }
  }

  @Test
  void keywordsMatchOnlyFieldsThatHaveAValue() {
    Setting s = SETTINGS.get(0);
    for (String keyword : List.of("'*'", "abc", "'a*c'")) {
      SigmaRule rule = rule("kw:\n  - " + keyword + "\ncondition: kw");
      assertThat(rule.isUsable()).isTrue();
      Map<String, String> none = new LinkedHashMap<>();
      Map<String, String> empty = Map.of(s.field(), "");
      Map<String, String> present = Map.of(s.field(), "xabcx");
      for (Map<String, String> fields : List.of(none, empty)) {
        assertThat(matches(rule, fields)).as("matcher, %s on %s", keyword, fields).isFalse();
        assertThat(kqlKeeps(s, rule, fields)).as("KQL, %s on %s", keyword, fields).isFalse();
      }
      assertThat(matches(rule, present)).as("matcher, %s", keyword).isTrue();
      assertThat(kqlKeeps(s, rule, present)).as("KQL, %s", keyword).isTrue();
    }
  }

  @Test
  void aFilterOnAFieldTheEventLacksExcludesNothing() {
    for (Setting s : SETTINGS) {
      String detection =
          "selection:\n  "
              + s.field()
              + "|gte: 0\nfilter:\n  "
              + s.other()
              + "|contains: '*'\n"
              + "filter_re:\n  "
              + s.other()
              + "|re: '.*'\ncondition: selection and not filter and not filter_re";
      SigmaRule rule = rule(detection);
      Map<String, String> lacks = Map.of(s.field(), "4");
      assertThat(matches(rule, lacks)).as("matcher, %s", s).isTrue();
      assertThat(kqlKeeps(s, rule, lacks)).as("KQL, %s", s).isTrue();
      Map<String, String> has = Map.of(s.field(), "4", s.other(), "7");
      assertThat(matches(rule, has)).as("matcher, %s", s).isFalse();
      assertThat(kqlKeeps(s, rule, has)).as("KQL, %s", s).isFalse();
    }
  }

  @Test
  void aMissIsExplainedByTheFieldWithoutValue() {
    SigmaRule rule = selection("sel:\n  CommandLine|contains: abc");
    Explanation x = CompiledRule.compile(rule).explain(event(Map.of("Image", "x.exe")));
    assertThat(x.checks())
        .singleElement()
        .extracting(Check::noValueNote)
        .isEqualTo("CommandLine has no value");
    Explanation y = CompiledRule.compile(rule).explain(event(Map.of("CommandLine", "x")));
    assertThat(y.checks()).singleElement().extracting(Check::noValue).isNull();
  }

  // --- helpers

  /** A rule whose condition is its one search identifier {@code sel}. */
  private static SigmaRule selection(String sel) {
    return rule(sel + "\ncondition: sel");
  }

  private static SigmaRule rule(String detection) {
    String text =
        "title: t\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n"
            + detection.indent(2);
    return new RuleLoader().load(text, "t.yml").firstRule().orElseThrow();
  }

  private static boolean matches(SigmaRule rule, Map<String, String> fields) {
    return CompiledRule.compile(rule).matches(event(fields));
  }

  private static Event event(Map<String, String> fields) {
    return new Event(
        "t",
        1,
        FieldSchema.of(new ArrayList<>(fields.keySet()), FieldLayout.NATIVE),
        fields.values().toArray(String[]::new));
  }

  private static boolean kqlKeeps(Setting s, SigmaRule rule, Map<String, String> fields) {
    Target target = TargetCatalog.get(s.target());
    KqlResult kql = new KqlWriter(target).write(rule);
    assertThat(kql.errors()).as("conversion of %s", rule.condition()).isEmpty();
    assertThat(kql.tables()).contains(s.table());
    Target.Table table =
        target.tables().stream().filter(t -> t.name().equals(s.table())).findFirst().orElseThrow();
    KqlRow row = new KqlRow(table.columns());
    for (Target.Source source : table.sources()) {
      if ("process_creation".equals(source.logsource().category())) {
        source.filter().forEach((column, values) -> row.set(column, values.get(0).toString()));
        break;
      }
    }
    fields.forEach(
        (field, value) -> {
          String column = field.equals(s.field()) ? s.column() : s.otherColumn();
          int dot = column.indexOf('.');
          if (dot > 0) {
            row.setProperty(column.substring(0, dot), column.substring(dot + 1), value);
          } else if (!value.isEmpty() || !s.numbersOnly()) {
            row.set(column, value);
          }
        });
    // A union's branch for the setting's table decides its rows.
    return KqlQuery.parse(kql.query()).keeps(s.table(), row);
  }

  private static void collect(Expr e, Set<Class<?>> out) {
    List<Predicate> ps = new ArrayList<>();
    predicates(e, ps);
    out.addAll(ps.stream().map(Object::getClass).collect(Collectors.toSet()));
  }

  private static void predicates(Expr e, List<Predicate> out) {
    if (e instanceof Expr.Match m) {
      out.add(m.predicate());
    } else if (e instanceof Expr.And a) {
      a.terms().forEach(t -> predicates(t, out));
    } else if (e instanceof Expr.Or o) {
      o.terms().forEach(t -> predicates(t, out));
    } else if (e instanceof Expr.Not n) {
      predicates(n.term(), out);
    } else if (e instanceof Expr.Named n) {
      predicates(n.body(), out);
    }
  }
}
