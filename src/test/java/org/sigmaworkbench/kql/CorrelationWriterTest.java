package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleLoader;
import org.sigmaworkbench.rule.SigmaRule;

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
  void temporalCountsTheDistinctRulesPerWindowAndGroup() {
    KqlResult r =
        write(
            "azure_monitor",
            "correlation:\n  type: temporal\n  rules: [failed, success]\n"
                + "  group-by: [TargetUserName]\n  timespan: 10m\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.query())
        .isEqualTo(
            "let failed = SecurityEvent\n| where EventID == 4625\n"
                + "| project TimeGenerated, SigmaRule = \"failed\", TargetUserName;\n"
                + "let success = SecurityEvent\n| where EventID == 4624\n"
                + "| project TimeGenerated, SigmaRule = \"success\", TargetUserName;\n"
                + "union failed, success\n"
                + "| summarize RuleCount = count_distinct(SigmaRule) by bin(TimeGenerated, 10m),"
                + " TargetUserName\n"
                + "| where RuleCount == 2");
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
        .contains("| project TimeGenerated, account = TargetUserName;")
        .contains(
            "| project TimeGenerated, account = iff(isempty(SubjectDomainName), SubjectUserName,"
                + " strcat(SubjectDomainName, \"\\\\\", SubjectUserName));")
        .endsWith(
            "| summarize EventCount = count() by bin(TimeGenerated, 1h), account\n"
                + "| where EventCount >= 3 and EventCount < 100");
  }

  @Test
  void valueAggregatesReadTheFieldOfEachRule() {
    KqlResult r =
        write(
            "microsoft_xdr",
            "correlation:\n  type: value_sum\n  rules: [whoami]\n  group-by: [Computer]\n"
                + "  timespan: 1d\n  condition:\n    field: ProcessId\n    gt: 10\n");
    assertThat(r.query())
        .isEqualTo(
            "DeviceProcessEvents\n| where FolderPath endswith \"\\\\whoami.exe\"\n"
                + "| project Timestamp, Computer = DeviceName, ProcessId\n"
                + "| summarize ValueSum = sum(todouble(ProcessId)) by bin(Timestamp, 1d), Computer\n"
                + "| where ValueSum > 10");
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
                    "correlation:\n  type: temporal_ordered\n  rules: [failed, success, whoami]\n"
                        + "  timespan: 1h\n")
                .errors())
        .singleElement()
        .asString()
        .contains("exactly two");
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

  @Test
  void timespansAreKustoLiterals() {
    assertThat(CorrelationWriter.timespan(90)).isEqualTo("90s");
    assertThat(CorrelationWriter.timespan(300)).isEqualTo("5m");
    assertThat(CorrelationWriter.timespan(7200)).isEqualTo("2h");
    assertThat(CorrelationWriter.timespan(7 * 86400)).isEqualTo("7d");
  }
}
