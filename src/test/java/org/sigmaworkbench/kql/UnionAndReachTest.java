package org.sigmaworkbench.kql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.mapping.Reach;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * A logsource whose events live in several tables: the query is a union of one branch per table,
 * each over its own columns, and the reach check reads the same target data as the writer.
 */
class UnionAndReachTest {

  /** Two tables for process creation, as Azure Monitor has them, with a third unrelated one. */
  private static final String TWO_TABLES =
      "name: two\n"
          + "title: Two Tables (test)\n"
          + "tables:\n"
          + "  - name: Sec\n"
          + "    reads: {channels: [Security]}\n"
          + "    logsources:\n"
          + "      - {category: process_creation, filter: {EventID: 4688}, union: true}\n"
          + "    fields: {CommandLine: Cmd, Image: NewProcessName, IntegrityLevel: {column: Label,"
          + " values: {High: S-1-16-12288}}}\n"
          + "    columns: {Cmd: string, NewProcessName: string, Label: string, EventID: int}\n"
          + "  - name: Win\n"
          + "    reads: {channels: ['*']}\n"
          + "    logsources:\n"
          + "      - {category: process_creation, filter: {Provider: Microsoft-Windows-Sysmon,"
          + " EventID: 1}, union: true}\n"
          + "      - {category: file_event, filter: {EventID: 11}}\n"
          + "    other_fields: EventData\n"
          + "    fields: {Provider_Name: Provider, EventID: EventID}\n"
          + "    columns: {EventData: dynamic, Provider: string, EventID: int}\n"
          + "  - name: Exported\n"
          + "    logsources:\n"
          + "      - {category: image_load}\n"
          + "    fields: {ImageLoaded: Path}\n"
          + "    columns: {Path: string}\n";

  private static final Target TARGET = TargetCatalog.parse(TWO_TABLES, "two.yaml");

  private static SigmaRule rule(String category, String detection) {
    String text =
        "title: t\nlogsource:\n  category: "
            + category
            + "\n  product: windows\ndetection:\n"
            + detection.indent(2);
    return new RuleLoader().load(text, "t.yml").firstRule().orElseThrow();
  }

  private static KqlResult write(String detection) {
    return new KqlWriter(TARGET).write(rule("process_creation", detection));
  }

  @Test
  void theUnionReadsEachTableWithItsOwnColumns() {
    KqlResult r = write("sel:\n  CommandLine|contains: x\ncondition: sel");
    assertThat(r.errors()).isEmpty();
    assertThat(r.query())
        .isEqualTo(
            "union\n"
                + "  (Sec\n"
                + "  | where EventID == 4688\n"
                + "  | where Cmd contains \"x\"),\n"
                + "  (Win\n"
                + "  | where Provider == \"Microsoft-Windows-Sysmon\" and EventID == 1\n"
                + "  | where tostring(EventData.CommandLine) contains \"x\")");
    assertThat(r.tables()).containsExactly("Sec", "Win");
    assertThat(r.reads()).extracting(b -> b.table().name()).containsExactly("Sec", "Win");
  }

  @Test
  void aFieldABranchLacksReadsAsEmptyThere() {
    // Sec has no OriginalFileName: there the alternative cannot hold, the other one still can.
    KqlResult r =
        write("sel:\n  - Image|endswith: '\\a.exe'\n  - OriginalFileName: a.exe\ncondition: sel");
    assertThat(r.query())
        .contains(
            "(Sec\n  | where EventID == 4688\n  | where NewProcessName endswith \"\\\\a.exe\"),")
        .contains("tostring(EventData.OriginalFileName) =~ \"a.exe\"");
    // A filter on a missing field excludes nothing.
    KqlResult f =
        write(
            "sel:\n  CommandLine|contains: x\nfilter:\n  Hashes|contains: abc\n"
                + "condition: sel and not filter");
    assertThat(f.query()).contains("  | where Cmd contains \"x\"),");
    // A presence test on a missing field is decided: exists is false, null is true.
    KqlResult e = write("sel:\n  CommandLine|contains: x\n  Hashes|exists: true\ncondition: sel");
    assertThat(e.query()).doesNotContain("(Sec").startsWith("Win\n");
    assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("leaves out Sec"));
  }

  @Test
  void aBranchThatCanNeverHoldIsLeftOutWithANote() {
    KqlResult r = write("sel:\n  OriginalFileName: a.exe\ncondition: sel");
    assertThat(r.query()).startsWith("Win\n| where Provider");
    assertThat(r.tables()).containsExactly("Win");
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("leaves out Sec")
        .contains("OriginalFileName");
  }

  @Test
  void aValueOneTableCannotSpellDropsOnlyThatTable() {
    KqlResult r = write("sel:\n  IntegrityLevel: [High, Low]\ncondition: sel");
    assertThat(r.ok()).isTrue();
    assertThat(r.tables()).containsExactly("Win");
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("Sec").contains("Low"));
  }

  @Test
  void otherLogsourcesStayOneTable() {
    KqlResult r =
        new KqlWriter(TARGET)
            .write(rule("file_event", "sel:\n  TargetFilename|endswith: .exe\ncondition: sel"));
    assertThat(r.query()).startsWith("Win\n| where EventID == 11\n");
    assertThat(r.tables()).containsExactly("Win");
  }

  private static Reach.Origin event(String export, String channel, Map<String, String> fields) {
    return new Reach.Origin(export, channel, fields::get);
  }

  @Test
  void reachFollowsTheTablesChannelsAndRowFilters() {
    KqlResult q = write("sel:\n  CommandLine|contains: x\ncondition: sel");
    // Security 4688 is a row of Sec; Sysmon 1 passes Win's filter.
    assertThat(Reach.outside(TARGET, q, event(null, "Security", Map.of("EventID", "4688"))))
        .isNull();
    assertThat(
            Reach.outside(
                TARGET,
                q,
                event(
                    null,
                    "Microsoft-Windows-Sysmon/Operational",
                    Map.of("EventID", "1", "Provider_Name", "Microsoft-Windows-Sysmon"))))
        .isNull();
    // What the event does not say is not held against it.
    assertThat(Reach.outside(TARGET, q, event(null, null, Map.of()))).isNull();
    // Another provider's event: Win's row filter excludes it, Sec does not hold its channel.
    assertThat(
            Reach.outside(
                TARGET, q, event(null, "System", Map.of("EventID", "1", "Provider_Name", "Other"))))
        .contains("the Two Tables query reads")
        .contains("Sec (Security: EventID 4688)")
        .contains("a System event 1");
    // An export is read only by the table it was exported from (or one that lists it).
    assertThat(Reach.outside(TARGET, q, event("Sec", null, Map.of()))).isNull();
    assertThat(Reach.outside(TARGET, q, event("DeviceProcessEvents", null, Map.of())))
        .isEqualTo(
            "an export of DeviceProcessEvents, which the Two Tables query does not read (it reads"
                + " Sec, Win)");
  }

  @Test
  void aTableWithoutChannelsReadsOnlyItsExports() {
    KqlResult q =
        new KqlWriter(TARGET)
            .write(rule("image_load", "sel:\n  ImageLoaded|endswith: .dll\ncondition: sel"));
    assertThat(Reach.outside(TARGET, q, event(null, "Security", Map.of())))
        .isEqualTo("the Two Tables query reads Exported, which holds no Windows event log events");
    assertThat(Reach.outside(TARGET, q, event("Exported", null, Map.of()))).isNull();
  }

  @Test
  void aRuleWithoutAQueryReachesNothing() {
    KqlResult q =
        new KqlWriter(TARGET).write(rule("dns_query", "sel:\n  QueryName: x\ncondition: sel"));
    assertThat(q.ok()).isFalse();
    assertThat(Reach.outside(TARGET, q, event(null, null, Map.of())))
        .isEqualTo("there is no Two Tables query for the rule");
  }

  @Test
  void theBuiltInTargetsSayWhatTheyRead() {
    Target azure = TargetCatalog.get("azure_monitor");
    Target xdr = TargetCatalog.get("microsoft_xdr");
    Target asim = TargetCatalog.get("sentinel_asim");
    assertThat(azure.tables())
        .allSatisfy(t -> assertThat(t.reads().readsChannels()).as(t.name()).isTrue());
    assertThat(xdr.tables())
        .allSatisfy(t -> assertThat(t.reads().readsChannels()).as(t.name()).isFalse());
    assertThat(asim.tables())
        .allSatisfy(t -> assertThat(t.reads().readsChannel("Security")).isTrue());
    SigmaRule headline =
        rule("process_creation", "sel:\n  CommandLine|contains: x\ncondition: sel");
    KqlResult q = new KqlWriter(xdr).write(headline);
    Map<String, String> sysmon =
        Map.of("EventID", "1", "Provider_Name", "Microsoft-Windows-Sysmon");
    assertThat(Reach.outside(xdr, q, event(null, "Microsoft-Windows-Sysmon/Operational", sysmon)))
        .contains("holds no Windows event log events");
    assertThat(Reach.outside(xdr, q, event("DeviceProcessEvents", null, Map.of()))).isNull();
    KqlResult a = new KqlWriter(azure).write(headline);
    assertThat(Reach.outside(azure, a, event(null, "Security", Map.of("EventID", "4688"))))
        .isNull();
    assertThat(Reach.outside(azure, a, event(null, "Microsoft-Windows-Sysmon/Operational", sysmon)))
        .isNull();
    assertThat(Reach.outside(azure, a, event("DeviceProcessEvents", null, Map.of())))
        .contains("does not read");
  }
}
