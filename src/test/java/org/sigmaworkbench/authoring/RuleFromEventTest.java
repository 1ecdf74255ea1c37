package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class RuleFromEventTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void chosenFieldsBecomeOneSelection() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("Image", List.of("C:\\Windows\\System32\\certutil.exe"));
    fields.put("CommandLine", List.of("certutil -p pw -exportPFX root c:\\cert.pfx"));
    fields.put("EventID", List.of("1"));
    fields.put("User", List.of("CONTOSO\\it's me"));
    Template.Rendered r =
        RuleFromEvent.build(
            fields,
            List.of(
                new RuleFromEvent.Choice("Image", RuleFromEvent.MatchKind.ENDSWITH),
                new RuleFromEvent.Choice("CommandLine", RuleFromEvent.MatchKind.CONTAINS),
                new RuleFromEvent.Choice("User", RuleFromEvent.MatchKind.EQUALS),
                new RuleFromEvent.Choice("Missing", RuleFromEvent.MatchKind.EQUALS)),
            new LogSource("process_creation", "windows", null, null),
            CLOCK,
            UUID::randomUUID);
    RuleFile file = new RuleLoader().load(r.text(), "from_event.yml");
    assertThat(file.problems()).filteredOn(RuleProblem::isError).as(r.text()).isEmpty();
    assertThat(r.text())
        .contains("        Image|endswith: '\\certutil.exe'\n")
        .contains("        CommandLine|contains: 'certutil -p pw -exportPFX root c:\\cert.pfx'\n")
        .contains("        User: 'CONTOSO\\it''s me'\n")
        .contains("    category: process_creation\n    product: windows\n")
        .contains("date: 2026-03-04")
        .doesNotContain("Missing");
    assertThat(r.text().substring(r.caret(), r.selectionEnd()))
        .isEqualTo("Execution of certutil.exe");
  }

  @Test
  void theRuleHitsTheEventItWasWrittenFrom() throws Exception {
    java.nio.file.Path log = org.sigmaworkbench.TestFiles.sample("sysmon-eventviewer.xml");
    List<Event> events = new java.util.ArrayList<>();
    try (var stream = LogReaders.open(log)) {
      Event e;
      while ((e = stream.next()) != null && events.size() < 1) {
        if (e.fieldValues().containsKey("CommandLine")) {
          events.add(e);
        }
      }
    }
    assertThat(events).isNotEmpty();
    Event event = events.get(0);
    Template.Rendered r =
        RuleFromEvent.build(
            event,
            List.of(
                new RuleFromEvent.Choice("Image", RuleFromEvent.MatchKind.ENDSWITH),
                new RuleFromEvent.Choice("CommandLine", RuleFromEvent.MatchKind.CONTAINS)),
            new LogSource(null, "windows", null, null),
            CLOCK,
            UUID::randomUUID);
    SigmaRule rule = new RuleLoader().load(r.text(), "from_event.yml").firstRule().orElseThrow();
    assertThat(CompiledRule.compile(rule).matches(event)).as(r.text()).isTrue();
  }
}
