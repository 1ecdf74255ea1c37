package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** Correlations evaluated on hand-built events: every type, windows, groups, aliases, order. */
class CorrelationRunTest {

  private static final String BASE =
      "---\ntitle: Whoami\nname: whoami\nlogsource: {category: process_creation, product: windows}\n"
          + "detection:\n  sel: {CommandLine|contains: whoami}\n  condition: sel\n"
          + "---\ntitle: Ipconfig\nname: ipconfig\n"
          + "logsource: {category: process_creation, product: windows}\n"
          + "detection:\n  sel: {CommandLine|contains: ipconfig}\n  condition: sel\n"
          + "---\ntitle: Net user\nid: 5d1c0000-0000-4000-8000-000000000003\nname: netuser\n"
          + "logsource: {category: process_creation, product: windows}\n"
          + "detection:\n  sel: {CommandLine|contains: 'net user'}\n  condition: sel\n";

  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

  private static int record;

  /** An event at T0 plus {@code minutes}, with fields given as name, value pairs. */
  private static Event event(String file, double minutes, String... nameValues) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    names.add("UtcTime");
    values.add(
        T0.plusMillis((long) (minutes * 60_000)).toString().replace('T', ' ').replace("Z", ""));
    for (int i = 0; i < nameValues.length; i += 2) {
      names.add(nameValues[i]);
      values.add(nameValues[i + 1]);
    }
    return new Event(
        file, ++record, FieldSchema.of(names, FieldLayout.NATIVE), values.toArray(String[]::new));
  }

  private record Setup(Correlations correlations, List<CompiledRule> rules) {}

  private static Setup setup(String correlation) {
    List<RuleDocument> docs =
        new RuleLoader().load("title: C\nid: c-1\n" + correlation + BASE, "c.yml").documents();
    List<CompiledRule> rules = new ArrayList<>();
    for (RuleDocument d : docs) {
      if (d instanceof SigmaRule r) {
        rules.add(CompiledRule.compile(r));
      }
    }
    return new Setup(Correlations.of(docs), rules);
  }

  /** Runs the correlation over the events in the order given (files in any order). */
  private static List<CorrelationHit> run(String correlation, Event... events) {
    Setup s = setup(correlation);
    assertThat(s.correlations().problems()).isEmpty();
    CorrelationRun run = s.correlations().start(false);
    for (Event e : events) {
      List<SigmaRule> matched = new ArrayList<>();
      for (CompiledRule r : s.rules()) {
        if (r.matches(e)) {
          matched.add(r.rule());
        }
      }
      run.add(e, matched);
    }
    return run.finish();
  }

  private static List<String> records(CorrelationHit h) {
    return h.events().stream().map(m -> m.file() + "#" + m.record()).toList();
  }

  @Test
  void eventCountSortsEventsOfSeveralFilesByTimeAndSlides() {
    record = 0;
    Event a1 = event("a.csv", 3, "CommandLine", "whoami", "User", "jdoe");
    Event a2 = event("a.csv", 1, "CommandLine", "whoami /all", "User", "jdoe");
    Event b1 = event("b.csv", 2, "CommandLine", "ipconfig", "User", "jdoe");
    Event b2 = event("b.csv", 9, "CommandLine", "whoami", "User", "jdoe");
    Event noise = event("b.csv", 2.5, "CommandLine", "notepad", "User", "jdoe");
    List<CorrelationHit> hits =
        run(
            "correlation:\n  type: event_count\n  rules: [whoami, ipconfig]\n"
                + "  group-by: [User]\n  timespan: 5m\n  condition: {gte: 3}\n",
            a1,
            a2,
            b1,
            noise,
            b2);
    // Fixed 5-minute bins would split nothing here, but the window from 09:01 holds 3 events
    // while the one from 09:03 (whoami at 3 and 9 are 6 minutes apart) holds one.
    assertThat(hits).singleElement();
    CorrelationHit h = hits.get(0);
    assertThat(h.group()).containsExactly(Map.entry("User", "jdoe"));
    assertThat(h.windowStart()).isEqualTo(T0.plusSeconds(60));
    assertThat(h.windowEnd()).isEqualTo(T0.plusSeconds(360));
    assertThat(h.value()).isEqualTo(3L);
    assertThat(records(h)).containsExactly("a.csv#2", "b.csv#3", "a.csv#1");
    assertThat(h.events())
        .extracting(CorrelationHit.Member::rule)
        .containsExactly("whoami", "ipconfig", "whoami");
  }

  @Test
  void aWindowCrossingABinBoundaryStillHolds() {
    record = 0;
    // 09:04, 09:06 and 09:08 lie in two 5-minute bins but in one sliding window of 5 minutes.
    List<CorrelationHit> hits =
        run(
            "correlation:\n  type: event_count\n  rules: [whoami]\n"
                + "  timespan: 5m\n  condition: {eq: 3}\n",
            event("a", 4, "CommandLine", "whoami"),
            event("a", 6, "CommandLine", "whoami"),
            event("a", 8, "CommandLine", "whoami"));
    assertThat(hits).singleElement().satisfies(h -> assertThat(h.group()).isEmpty());
  }

  @Test
  void aBurstIsReportedOnceAndALaterBurstAgain() {
    record = 0;
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(event("a", i, "CommandLine", "whoami", "User", "jdoe"));
    }
    for (int i = 0; i < 3; i++) {
      events.add(event("a", 120 + i, "CommandLine", "whoami", "User", "jdoe"));
    }
    List<CorrelationHit> hits =
        run(
            "correlation:\n  type: event_count\n  rules: [whoami]\n"
                + "  group-by: [User]\n  timespan: 10m\n  condition: {gte: 3}\n",
            events.toArray(Event[]::new));
    assertThat(hits)
        .extracting(CorrelationHit::windowStart)
        .containsExactly(T0, T0.plusSeconds(120 * 60));
    assertThat(hits.get(0).value()).isEqualTo(10L);
    assertThat(hits.get(1).value()).isEqualTo(3L);
  }

  @Test
  void rangesNeedEveryOperatorToHold() {
    record = 0;
    String corr =
        "correlation:\n  type: event_count\n  rules: [whoami]\n"
            + "  group-by: [User]\n  timespan: 10m\n  condition: {gt: 1, lte: 2}\n";
    List<CorrelationHit> hits =
        run(
            corr,
            event("a", 0, "CommandLine", "whoami", "User", "one"),
            event("a", 0, "CommandLine", "whoami", "User", "two"),
            event("a", 1, "CommandLine", "whoami", "User", "two"),
            event("a", 0, "CommandLine", "whoami", "User", "three"),
            event("a", 1, "CommandLine", "whoami", "User", "three"),
            event("a", 2, "CommandLine", "whoami", "User", "three"));
    // "three" holds 3 events from 09:00 (too many) but 2 from 09:01: that window is its hit.
    assertThat(hits)
        .extracting(h -> h.group().get("User") + "@" + h.windowStart())
        .containsExactlyInAnyOrder("two@" + T0, "three@" + T0.plusSeconds(60));
  }

  @Test
  void valueCountCountsDistinctNonEmptyValues() {
    record = 0;
    List<CorrelationHit> hits =
        run(
            "correlation:\n  type: value_count\n  rules: [whoami]\n  group-by: [Computer]\n"
                + "  timespan: 1h\n  condition: {field: User, gte: 3}\n",
            event("a", 0, "CommandLine", "whoami", "Computer", "pc1", "User", "a"),
            event("a", 1, "CommandLine", "whoami", "Computer", "pc1", "User", "b"),
            event("a", 2, "CommandLine", "whoami", "Computer", "pc1", "User", "b"),
            event("a", 3, "CommandLine", "whoami", "Computer", "pc1"),
            event("a", 4, "CommandLine", "whoami", "Computer", "pc1", "User", ""),
            event("a", 5, "CommandLine", "whoami", "Computer", "pc2", "User", "a"),
            event("a", 6, "CommandLine", "whoami", "Computer", "pc2", "User", "b"),
            event("a", 7, "CommandLine", "whoami", "Computer", "pc2", "User", "c"));
    assertThat(hits)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.group()).containsEntry("Computer", "pc2");
              assertThat(h.value()).isEqualTo(3L);
            });
  }

  @Test
  void temporalNeedsEveryRuleUnlessItsConditionSaysOtherwise() {
    record = 0;
    Event[] events = {
      event("a", 0, "CommandLine", "whoami", "User", "u"),
      event("a", 1, "CommandLine", "net user x", "User", "u"),
      event("a", 2, "CommandLine", "ipconfig", "User", "u"),
      event("a", 3, "CommandLine", "whoami", "User", "v"),
      event("a", 4, "CommandLine", "ipconfig", "User", "v")
    };
    String all =
        "correlation:\n  type: temporal\n  rules: [whoami, ipconfig, netuser]\n"
            + "  group-by: [User]\n  timespan: 5m\n";
    assertThat(run(all, events))
        .singleElement()
        .satisfies(h -> assertThat(h.group()).containsEntry("User", "u"));
    record = 0;
    assertThat(run(all + "  condition: {gte: 2}\n", events))
        .extracting(h -> h.group().get("User"))
        .containsExactlyInAnyOrder("u", "v");
  }

  @Test
  void temporalOrderedNeedsEachRuleStrictlyLaterThanThePrevious() {
    String corr =
        "correlation:\n  type: temporal_ordered\n  rules: [whoami, ipconfig, netuser]\n"
            + "  group-by: [User]\n  timespan: 5m\n";
    record = 0;
    assertThat(
            run(
                corr,
                event("a", 0, "CommandLine", "ipconfig", "User", "u"),
                event("a", 1, "CommandLine", "whoami", "User", "u"),
                event("a", 2, "CommandLine", "net user", "User", "u")))
        .isEmpty();
    record = 0;
    assertThat(
            run(
                corr,
                event("b", 2, "CommandLine", "net user", "User", "u"),
                event("a", 0, "CommandLine", "ipconfig", "User", "u"),
                event("a", 0.5, "CommandLine", "whoami", "User", "u"),
                event("a", 1, "CommandLine", "ipconfig", "User", "u")))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.windowStart()).isEqualTo(T0);
              assertThat(h.value()).isEqualTo(3L);
              assertThat(h.events()).hasSize(4);
            });
    record = 0;
    // One event matching two rules at one time is not "first one, then the other".
    assertThat(
            run(
                "correlation:\n  type: temporal_ordered\n  rules: [whoami, ipconfig]\n"
                    + "  timespan: 5m\n",
                event("a", 0, "CommandLine", "whoami; ipconfig")))
        .isEmpty();
  }

  @Test
  void valueAggregatesReadNumbersAndLeaveOtherValuesOut() {
    Event[] events = {
      event("a", 0, "CommandLine", "whoami", "ProcessId", "10"),
      event("a", 1, "CommandLine", "whoami", "ProcessId", "x"),
      event("a", 2, "CommandLine", "whoami", "ProcessId", "30"),
      event("a", 3, "CommandLine", "whoami", "ProcessId", "1e2"),
      event("a", 4, "CommandLine", "whoami")
    };
    String head =
        "correlation:\n  rules: [whoami]\n  timespan: 1h\n  condition: {field: ProcessId, ";
    record = 0;
    assertThat(run(head + "gte: 140}\n  type: value_sum\n", events))
        .singleElement()
        .satisfies(h -> assertThat(h.value().doubleValue()).isEqualTo(140.0));
    record = 0;
    assertThat(run(head + "gt: 46, lt: 47}\n  type: value_avg\n", events))
        .singleElement()
        .satisfies(h -> assertThat(h.value().doubleValue()).isBetween(46.6, 46.7));
    record = 0;
    // Nearest rank: the median of 10, 30, 100 is 30; the 90th percentile is 100.
    assertThat(run(head + "eq: 30}\n  type: value_median\n", events)).singleElement();
    record = 0;
    assertThat(run(head + "percentile: 90, eq: 100}\n  type: value_percentile\n", events))
        .singleElement();
    record = 0;
    assertThat(run(head + "percentile: 90, eq: 30}\n  type: value_percentile\n", events)).isEmpty();
  }

  @Test
  void aMissingGroupFieldIsTheEmptyValueAndAliasesNameAFieldPerRule() {
    record = 0;
    List<CorrelationHit> hits =
        run(
            "correlation:\n  type: temporal\n  rules: [whoami, netuser]\n"
                + "  group-by: [account, Computer]\n  timespan: 5m\n"
                + "  aliases:\n    account:\n      whoami: User\n"
                + "      5d1c0000-0000-4000-8000-000000000003: TargetUser\n",
            event("a", 0, "CommandLine", "whoami", "User", "jdoe"),
            event("a", 1, "CommandLine", "net user", "TargetUser", "jdoe", "User", "admin"),
            event("a", 2, "CommandLine", "whoami", "User", "admin"),
            event("a", 3, "CommandLine", "net user", "TargetUser", "other", "User", "admin"));
    assertThat(hits)
        .singleElement()
        .satisfies(
            h -> {
              Map<String, String> g = new LinkedHashMap<>();
              g.put("account", "jdoe");
              g.put("Computer", "");
              assertThat(h.group()).isEqualTo(g);
            });
  }

  @Test
  void eventsWithoutATimeTakeNoPartAndAreReported() {
    Setup s =
        setup(
            "correlation:\n  type: event_count\n  rules: [whoami]\n  timespan: 5m\n"
                + "  condition: {gte: 1}\n");
    CorrelationRun run = s.correlations().start(true);
    Event timeless =
        new Event(
            "x.csv",
            7,
            FieldSchema.of(List.of("CommandLine"), FieldLayout.NATIVE),
            new String[] {"whoami"});
    run.add(timeless, List.of(s.rules().get(0).rule()));
    run.add(event("x.csv", 0, "CommandLine", "whoami"), List.of(s.rules().get(0).rule()));
    List<CorrelationHit> hits = run.finish();
    assertThat(hits).singleElement();
    assertThat(hits.get(0).events().get(0).event()).isNotNull();
    assertThat(run.eventsWithoutTime()).isEqualTo(1);
    assertThat(run.problems()).singleElement().asString().contains("x.csv record 7");
  }

  @Test
  void correlationsThatCannotRunSayWhyAndGenerateDecidesOwnHits() {
    Setup missing =
        setup(
            "correlation:\n  type: event_count\n  rules: [nope]\n  timespan: 5m\n"
                + "  condition: {gte: 1}\n");
    assertThat(missing.correlations().problems())
        .singleElement()
        .extracting(Correlations.Problem::describe)
        .asString()
        .contains("'nope'");
    Setup noPercentile =
        setup(
            "correlation:\n  type: value_percentile\n  rules: [whoami]\n  timespan: 5m\n"
                + "  condition: {field: ProcessId, gte: 1}\n");
    assertThat(noPercentile.correlations().problems())
        .singleElement()
        .asString()
        .contains("percentile");
    Setup quiet =
        setup(
            "correlation:\n  type: event_count\n  rules: [whoami]\n  timespan: 5m\n"
                + "  condition: {gte: 1}\n");
    Setup loud =
        setup(
            "correlation:\n  type: event_count\n  rules: [whoami]\n  timespan: 5m\n"
                + "  condition: {gte: 1}\n  generate: true\n");
    SigmaRule whoamiQuiet = quiet.rules().get(0).rule();
    SigmaRule ipconfigQuiet = quiet.rules().get(1).rule();
    assertThat(quiet.correlations().reportsOwnHits(whoamiQuiet)).isFalse();
    assertThat(quiet.correlations().reportsOwnHits(ipconfigQuiet)).isTrue();
    assertThat(loud.correlations().reportsOwnHits(loud.rules().get(0).rule())).isTrue();
  }

  @Test
  void eventTimesAreReadInTheUsualForms() {
    Instant t = Instant.parse("2026-11-20T09:00:13.100Z");
    assertThat(EventTime.parse("2026-11-20T09:00:13.1Z")).isEqualTo(t);
    assertThat(EventTime.parse("2026-11-20 09:00:13.100")).isEqualTo(t);
    assertThat(EventTime.parse("2026-11-20T09:00:13.1000000Z")).isEqualTo(t);
    assertThat(EventTime.parse("2026-11-20T11:00:13.100+02:00")).isEqualTo(t);
    assertThat(EventTime.parse("2026-11-20 18:00:13.100 +09:00")).isEqualTo(t);
    assertThat(EventTime.parse("11/20/2026, 9:00:13.100 AM")).isEqualTo(t);
    assertThat(EventTime.parse("11/20/2026 9:00:13 PM"))
        .isEqualTo(t.plusSeconds(43200 - 0).minusMillis(100));
    assertThat(EventTime.parse("yesterday")).isNull();
    assertThat(EventTime.parse("2026-13-40")).isNull();
  }
}
