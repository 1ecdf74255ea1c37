package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class CorrelationWriterTest {

  private static final String RULES =
      "title: Failed logon\nname: failed\nlogsource:\n  product: windows\n  service: security\n"
          + "detection:\n  sel:\n    EventID: 4625\n  condition: sel\n---\n"
          + "title: Success logon\nname: success\nlogsource:\n  product: windows\n  service: security\n"
          + "detection:\n  sel:\n    EventID: 4624\n  condition: sel\n---\n"
          + "title: Whoami\nname: whoami\nlogsource:\n  category: process_creation\n  product: windows\n"
          + "detection:\n  sel:\n    Image|endswith: '\\whoami.exe'\n  condition: sel\n";

  private record Loaded(Map<String, SigmaRule> rules, CorrelationRule correlation) {}

  private static Loaded load(String correlation) {
    RuleFile f = new RuleLoader().load(RULES + "---\ntitle: C\n" + correlation, "c.yml");
    Map<String, SigmaRule> rules = new LinkedHashMap<>();
    CorrelationRule c = null;
    for (RuleDocument d : f.documents()) {
      if (d instanceof SigmaRule r) {
        rules.put(r.meta().name(), r);
      } else if (d instanceof CorrelationRule cr) {
        c = cr;
      }
    }
    assertThat(c).isNotNull();
    assertThat(c.problems()).isEmpty();
    return new Loaded(rules, c);
  }

  private static KqlResult write(String target, String correlation) {
    Loaded l = load(correlation);
    return new KqlWriter(TargetCatalog.get(target)).write(l.correlation(), l.rules());
  }

  @Test
  void temporalCountsTheDistinctRulesPerSlidingWindowAndGroup() {
    KqlResult r =
        write(
            "azure_monitor",
            "correlation:\n  type: temporal\n  rules: [failed, success]\n"
                + "  group-by: [TargetUserName]\n  timespan: 10m\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.query())
        .isEqualTo(
            "let failed = SecurityEvent\n| where EventID == 4625\n"
                + "| project EventTime = TimeGenerated, SigmaRule = \"failed\","
                + " TargetUserName = TargetUserName;\n"
                + "let success = SecurityEvent\n| where EventID == 4624\n"
                + "| project EventTime = TimeGenerated, SigmaRule = \"success\","
                + " TargetUserName = TargetUserName;\n"
                + "let Events = union failed, success;\n"
                + "let Windows = Events\n"
                + "| summarize by WindowStart = EventTime, TargetUserName\n"
                + "| join kind=inner (Events) on TargetUserName\n"
                + "| where EventTime between (WindowStart .. WindowStart + 10m);\n"
                + "Windows\n"
                + "| summarize RuleCount = count_distinct(SigmaRule) by WindowStart,"
                + " TargetUserName\n"
                + "| extend Hit = RuleCount == 2\n"
                + "| sort by TargetUserName asc, WindowStart asc\n"
                + "| extend Reported = Hit and not(prev(Hit, 1, false) and prev(TargetUserName) =="
                + " TargetUserName and prev(WindowStart) + 10m >= WindowStart)\n"
                + "| where Reported\n"
                + "| project WindowStart, WindowEnd = WindowStart + 10m, TargetUserName,"
                + " RuleCount");
  }

  @Test
  void aliasesNameAFieldPerRule() {
    KqlResult r =
        write(
            "azure_monitor",
            "correlation:\n  type: event_count\n  rules: [failed, whoami]\n"
                + "  group-by: [account]\n  timespan: 1h\n"
                + "  aliases:\n    account:\n      failed: TargetUserName\n      whoami: User\n"
                + "  condition:\n    gte: 3\n    lt: 100\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.query())
        .contains("SigmaRule = \"failed\", account = TargetUserName;")
        .contains(
            "SigmaRule = \"whoami\", account = iff(isempty(SubjectDomainName), SubjectUserName,"
                + " strcat(SubjectDomainName, \"\\\\\", SubjectUserName));")
        .contains("| summarize EventCount = count() by WindowStart, account\n")
        .contains("| extend Hit = EventCount >= 3 and EventCount < 100\n");
  }

  @Test
  void valueAggregatesReadTheFieldOfEachRuleAsANumber() {
    KqlResult r =
        write(
            "microsoft_xdr",
            "correlation:\n  type: value_sum\n  rules: [whoami]\n  group-by: [Computer]\n"
                + "  timespan: 1d\n  condition:\n    field: ProcessId\n    gt: 10\n");
    assertThat(r.query())
        .startsWith(
            "let whoami = DeviceProcessEvents\n| where FolderPath endswith \"\\\\whoami.exe\"\n"
                + "| project EventTime = Timestamp, SigmaRule = \"whoami\", Computer ="
                + " DeviceName, SigmaValue = todouble(tostring(ProcessId));\n"
                + "let Events = whoami;\n")
        .contains(
            "| summarize Values = countif(isnotnull(SigmaValue)), ValueSum = sum(SigmaValue) by"
                + " WindowStart, Computer\n")
        .contains("| extend Hit = Values > 0 and ValueSum > 10\n");
  }

  @Test
  void percentilesAndMediansNameTheirPercentile() {
    assertThat(
            write(
                    "microsoft_xdr",
                    "correlation:\n  type: value_percentile\n  rules: [whoami]\n"
                        + "  timespan: 1d\n  condition:\n    field: ProcessId\n"
                        + "    percentile: 95\n    gte: 4000\n")
                .query())
        .contains("AllEvents = 1")
        .contains("ValuePercentile = percentile(SigmaValue, 95) by WindowStart, AllEvents")
        .contains("ValuePercentile >= 4000");
    assertThat(
            write(
                    "microsoft_xdr",
                    "correlation:\n  type: value_median\n  rules: [whoami]\n"
                        + "  timespan: 1d\n  condition:\n    field: ProcessId\n    lt: 5\n")
                .query())
        .contains("ValueMedian = percentile(SigmaValue, 50)");
  }

  @Test
  void temporalOrderedChainsTheEarliestEventOfEachRuleAfterThePrevious() {
    KqlResult r =
        write(
            "azure_monitor",
            "correlation:\n  type: temporal_ordered\n  rules: [failed, success, whoami]\n"
                + "  group-by: [Computer]\n  timespan: 1h\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.query())
        .contains(
            "let Ordered = Windows\n| where SigmaRule == \"failed\"\n"
                + "| summarize Step1 = min(EventTime) by WindowStart, Computer\n"
                + "| join kind=inner (Windows | where SigmaRule == \"success\") on WindowStart,"
                + " Computer\n| where EventTime > Step1\n"
                + "| summarize Step2 = min(EventTime) by WindowStart, Computer\n"
                + "| join kind=inner (Windows | where SigmaRule == \"whoami\") on WindowStart,"
                + " Computer\n| where EventTime > Step2\n"
                + "| summarize Step3 = min(EventTime) by WindowStart, Computer;\n")
        .contains("| extend Hit = isnotnull(Step3) and RuleCount == 3\n");
  }

  @Test
  void whatCannotBeWrittenSaysWhy() {
    assertThat(
            write(
                    "azure_monitor",
                    "correlation:\n  type: event_count\n  rules: [nope]\n  timespan: 1h\n"
                        + "  condition:\n    gte: 3\n")
                .errors())
        .singleElement()
        .asString()
        .contains("names rule 'nope', which is not among the rules given");
    assertThat(
            write(
                    "azure_monitor",
                    "correlation:\n  type: value_percentile\n  rules: [whoami]\n  timespan: 1h\n"
                        + "  condition:\n    field: CommandLine\n    gte: 3\n")
                .errors())
        .singleElement()
        .asString()
        .contains("'percentile'");
    assertThat(
            write(
                    "sentinel_asim",
                    "correlation:\n  type: event_count\n  rules: [failed]\n  timespan: 1h\n"
                        + "  condition:\n    gte: 3\n")
                .errors())
        .singleElement()
        .asString()
        .contains("rule 'failed'")
        .contains("no Microsoft Sentinel (ASIM parsers) table");
  }

  /**
   * Every type, for every built-in target: each fixture converts (the KQL parser check is CI's).
   */
  @Test
  void everyCorrelationTypeConvertsForEveryTarget() throws java.io.IOException {
    java.nio.file.Path dir =
        java.nio.file.Path.of("src/test/resources/org/sigmaworkbench/engine/correlation");
    java.util.List<java.nio.file.Path> files;
    try (var s = java.nio.file.Files.list(dir)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(9);
    java.util.Set<String> types = new java.util.TreeSet<>();
    for (java.nio.file.Path f : files) {
      RuleFile file = new RuleLoader().load(f);
      Map<String, SigmaRule> rules = new LinkedHashMap<>();
      CorrelationRule c = null;
      for (RuleDocument d : file.documents()) {
        if (d instanceof SigmaRule r) {
          rules.put(r.meta().name(), r);
        } else if (d instanceof CorrelationRule cr) {
          c = cr;
        }
      }
      types.add(c.type());
      for (String target : TargetCatalog.BUILT_IN) {
        KqlResult r = new KqlWriter(TargetCatalog.get(target)).write(c, rules);
        assertThat(r.errors()).as(f + " for " + target).isEmpty();
        assertThat(r.query()).contains("let Windows = Events").contains("| where Reported");
      }
    }
    assertThat(types).hasSize(8);
  }

  @Test
  void timespansAreKustoLiterals() {
    assertThat(CorrelationWriter.timespan(90)).isEqualTo("90s");
    assertThat(CorrelationWriter.timespan(300)).isEqualTo("5m");
    assertThat(CorrelationWriter.timespan(7200)).isEqualTo("2h");
    assertThat(CorrelationWriter.timespan(7 * 86400)).isEqualTo("7d");
  }
}
