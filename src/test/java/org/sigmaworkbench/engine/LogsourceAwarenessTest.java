package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** A rule is tried on the events of its logsource, and on events whose kind the log hides. */
class LogsourceAwarenessTest {

  private static final Path SECURITY_LOG =
      Path.of("src/test/resources/org/sigmaworkbench/logs/security-logons-and-4688.xml");

  @TempDir Path dir;

  private static CompiledRule rule(String logsource, String detection) {
    String text =
        "title: t\nlogsource:\n"
            + logsource.indent(2)
            + "detection:\n"
            + detection.indent(2)
            + "  condition: sel\n";
    return CompiledRule.compile(new RuleLoader().load(text, "t.yml").firstRule().orElseThrow());
  }

  private static List<Long> hits(Path log, CompiledRule rule) {
    List<Long> out = new ArrayList<>();
    LogResult r =
        OneLog.run(
            log,
            List.of(rule),
            (e, h) -> {
              if (!h.isEmpty()) {
                out.add(e.record());
              }
            });
    assertThat(r.error()).isNull();
    return out;
  }

  private static final String BY_JDOE = "sel:\n  SubjectUserName: jdoe\n";

  @Test
  void aProcessCreationRuleHitsOnlyThe4688sOfASecurityLogFullOfLogons() {
    CompiledRule processRule = rule("category: process_creation\nproduct: windows", BY_JDOE);
    assertThat(hits(SECURITY_LOG, processRule)).containsExactly(3L, 5L);
  }

  @Test
  void aSecurityServiceRuleHitsEveryEventOfTheSecurityChannel() {
    CompiledRule securityRule = rule("product: windows\nservice: security", BY_JDOE);
    assertThat(hits(SECURITY_LOG, securityRule)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    CompiledRule systemRule = rule("product: windows\nservice: system", BY_JDOE);
    assertThat(hits(SECURITY_LOG, systemRule)).isEmpty();
  }

  @Test
  void anotherProductOrCategoryDoesNotApply() {
    assertThat(hits(SECURITY_LOG, rule("category: process_creation\nproduct: linux", BY_JDOE)))
        .isEmpty();
    assertThat(hits(SECURITY_LOG, rule("category: file_event\nproduct: windows", BY_JDOE)))
        .isEmpty();
  }

  @Test
  void aFlatCsvWithoutEventIdsIsTestedAgainstEveryRule() throws Exception {
    Path csv = dir.resolve("flat.csv");
    Files.writeString(
        csv,
        "TimeCreated,SubjectUserName,TargetUserName\n2026-11-20 10:00,jdoe,x\n2026-11-20 10:01,jdoe,y\n",
        StandardCharsets.UTF_8);
    for (String logsource :
        List.of(
            "category: process_creation\nproduct: windows",
            "product: windows\nservice: security",
            "category: registry_set\nproduct: windows",
            "product: linux\nservice: auditd")) {
      assertThat(hits(csv, rule(logsource, BY_JDOE))).as(logsource).containsExactly(1L, 2L);
    }
  }

  @Test
  void sysmonEventsCarryEveryCategoryOfTheirEventId() {
    CompiledRule registryEvent =
        rule("category: registry_event\nproduct: windows", "sel:\n  TargetObject|contains: Run\n");
    CompiledRule registrySet =
        rule("category: registry_set\nproduct: windows", "sel:\n  TargetObject|contains: Run\n");
    CompiledRule sysmonService =
        rule("product: windows\nservice: sysmon", "sel:\n  TargetObject|contains: Run\n");
    Event set = sysmon("13");
    Event add = sysmon("12");
    assertThat(registryEvent.appliesTo(set)).isTrue();
    assertThat(registrySet.appliesTo(set)).isTrue();
    assertThat(registryEvent.appliesTo(add)).isTrue();
    assertThat(registrySet.appliesTo(add)).isFalse();
    assertThat(sysmonService.appliesTo(add)).isTrue();
  }

  @Test
  void aServiceTheTableDoesNotKnowFitsEventsOfChannelsItDoesNotKnow() {
    Event foo = windowsEvent("Microsoft-Windows-Foo/Operational", "7");
    Event ldap = windowsEvent("Microsoft-Windows-LDAP-Client/Debug", "30");
    String sel = "sel:\n  EventID: 7\n";
    assertThat(rule("product: windows\nservice: foo-operational", sel).appliesTo(foo)).isTrue();
    assertThat(rule("product: windows\nservice: security", sel).appliesTo(foo)).isFalse();
    assertThat(rule("product: windows\nservice: foo-operational", sel).appliesTo(ldap)).isFalse();
    assertThat(rule("product: windows\nservice: ldap", sel).appliesTo(ldap)).isTrue();
    assertThat(rule("product: windows\nservice: ldap_debug", sel).appliesTo(ldap)).isTrue();
  }

  @Test
  void anEventOfAProviderOfNoLogsourceIsTriedOnlyByProductOnlyRules() {
    Event rpc = providerEvent("Microsoft-Windows-RPC", "6");
    String sel = "sel:\n  EventID: 6\n";
    assertThat(rule("product: windows", sel).appliesTo(rpc)).isTrue();
    assertThat(rule("product: windows\ncategory: process_creation", sel).appliesTo(rpc)).isFalse();
    assertThat(rule("product: windows\nservice: security", sel).appliesTo(rpc)).isFalse();
    // Known to belong to no logsource: not even a service the table does not know.
    assertThat(rule("product: windows\nservice: rpc-etw", sel).appliesTo(rpc)).isFalse();
    assertThat(rule("product: linux", sel).appliesTo(rpc)).isFalse();
    assertThat(rule("category: network_connection", sel).appliesTo(rpc)).isFalse();

    Event unlisted = providerEvent("Contoso-Agent", "6");
    assertThat(rule("product: windows", sel).appliesTo(unlisted)).isTrue();
    assertThat(rule("product: windows\nservice: security", sel).appliesTo(unlisted)).isFalse();
    assertThat(rule("product: windows\nservice: contoso-agent", sel).appliesTo(unlisted)).isTrue();
  }

  @Test
  void anEtwProviderOfALogsourcePlacesItsEvents() {
    Event open = providerEvent("Microsoft-Windows-Kernel-File", "12");
    String sel = "sel:\n  FileName|endswith: '.kdbx'\n";
    assertThat(rule("product: windows\ncategory: file_access", sel).appliesTo(open)).isTrue();
    assertThat(rule("product: windows\ncategory: file_event", sel).appliesTo(open)).isFalse();
    assertThat(rule("product: windows", sel).appliesTo(open)).isTrue();
    Event ldap = providerEvent("Microsoft-Windows-LDAP-Client", "30");
    assertThat(rule("product: windows\nservice: ldap", sel).appliesTo(ldap)).isTrue();
  }

  @Test
  void anEventOfUnknownChannelButKnownProductIsTriedByEveryRuleOfTheProduct() {
    Event idOnly = windowsEvent(null, "1");
    Event shared = providerEvent("Microsoft-Windows-Eventlog", "1102");
    String sel = "sel:\n  EventID: 1\n";
    for (Event e : List.of(idOnly, shared)) {
      assertThat(rule("product: windows\ncategory: process_creation", sel).appliesTo(e)).isTrue();
      assertThat(rule("product: windows\nservice: security", sel).appliesTo(e)).isTrue();
      assertThat(rule("product: linux\ncategory: process_creation", sel).appliesTo(e)).isFalse();
    }
    Event flat =
        new Event(
            "t", 1, FieldSchema.of(List.of("CommandLine"), FieldLayout.NATIVE), new String[] {"x"});
    assertThat(rule("product: linux\ncategory: process_creation", sel).appliesTo(flat)).isTrue();
  }

  @Test
  void aMissSaysTheEventsSourceBelongsToNoLogsourceOfTheRule() {
    Event rpc = providerEvent("Microsoft-Windows-RPC", "6");
    CompiledRule r = rule("product: windows\ncategory: process_creation", "sel:\n  EventID: 6\n");
    assertThat(r.notApplicable(rpc).summary())
        .isEqualTo(
            "the event's source (provider Microsoft-Windows-RPC, no channel) belongs to no"
                + " logsource of this rule (product: windows, category: process_creation)");
    Event foo = windowsEvent("Microsoft-Windows-Foo/Operational", "7");
    assertThat(r.notApplicable(foo).summary())
        .startsWith(
            "the event's source (channel Microsoft-Windows-Foo/Operational) belongs to no"
                + " logsource of this rule")
        .contains("does not list it");
  }

  @Test
  void anEtwEventReadFromXmlIsPlacedByItsProvider() throws Exception {
    Path xml = dir.resolve("rpc.xml");
    Files.writeString(
        xml,
        "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
            + "<Provider Name='Microsoft-Windows-RPC'"
            + " Guid='{6ad52b32-d609-4be9-ae07-ce8dae937e39}'/><EventID>6</EventID>"
            + "<Computer>pc</Computer></System><EventData><Data Name='Endpoint'>lsasspirpc</Data>"
            + "</EventData></Event></Events>",
        StandardCharsets.UTF_8);
    String sel = "sel:\n  Endpoint: lsasspirpc\n";
    assertThat(hits(xml, rule("product: windows", sel))).containsExactly(1L);
    assertThat(hits(xml, rule("product: windows\ncategory: process_creation", sel))).isEmpty();
    assertThat(hits(xml, rule("product: windows\nservice: system", sel))).isEmpty();
  }

  private static Event providerEvent(String provider, String eventId) {
    return new Event(
        "t",
        1,
        FieldSchema.of(
            List.of("Provider_Name", "EventID"),
            org.sigmaworkbench.logs.Layouts.forWindowsEvent(null, provider, eventId)),
        new String[] {provider, eventId});
  }

  private static Event windowsEvent(String channel, String eventId) {
    return new Event(
        "t",
        1,
        FieldSchema.of(
            List.of("Channel", "EventID"),
            org.sigmaworkbench.logs.Layouts.forWindowsEvent(channel, null, eventId)),
        new String[] {channel, eventId});
  }

  private static Event sysmon(String eventId) {
    FieldLayout layout =
        org.sigmaworkbench.logs.Layouts.forWindowsEvent(
            "Microsoft-Windows-Sysmon/Operational", null, eventId);
    assertThat(layout.source())
        .isNotEqualTo(EventSource.UNKNOWN)
        .extracting(EventSource::service)
        .isEqualTo("sysmon");
    return new Event(
        "t",
        1,
        FieldSchema.of(List.of("EventID", "TargetObject"), layout),
        new String[] {eventId, "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\x"});
  }
}
