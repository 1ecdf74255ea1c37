package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventSource;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.RuleLoader;

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
    LogRun.Result r =
        LogRun.run(
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
