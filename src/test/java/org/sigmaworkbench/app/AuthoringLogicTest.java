package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.LogSource;

/** The window side of the writing help that needs no JavaFX. */
class AuthoringLogicTest {

  private static Event event(FieldLayout layout, List<String> names, String... values) {
    return new Event("x.csv", 1, FieldSchema.of(names, layout), values);
  }

  @Test
  void valueCountsLeaveOutEmptyAndLongValuesAndStopAtTheEventCap() {
    List<String> names = List.of("Image", "CommandLine");
    String longLine = "x".repeat(ValueStatistics.MAX_VALUE + 1);
    Event a = event(FieldLayout.NATIVE, names, "C:\\a.exe", longLine);
    Event b = event(FieldLayout.NATIVE, names, "C:\\a.exe", "short");
    Event c = event(FieldLayout.NATIVE, names, "C:\\b.exe", "");
    Map<String, Map<String, Long>> s = ValueStatistics.of(List.of(List.of(a, b), List.of(c)));
    assertThat(s.get("Image"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("C:\\a.exe", 2L, "C:\\b.exe", 1L));
    assertThat(s.get("CommandLine")).containsExactlyInAnyOrderEntriesOf(Map.of("short", 1L));
    List<Event> many = java.util.Collections.nCopies(ValueStatistics.MAX_EVENTS + 10, b);
    assertThat(ValueStatistics.of(List.of(many)).get("Image").get("C:\\a.exe"))
        .isEqualTo(ValueStatistics.MAX_EVENTS);
  }

  @Test
  void anEventsLogsourceComesFromItsLogElseItsChannelElseWindowsAlone() {
    FieldLayout proc = new FieldLayout("p", Map.of(), "process_creation");
    LogSource fromLog = EventLogsource.of(event(proc, List.of("Image"), "C:\\a.exe"));
    assertThat(fromLog.category()).isEqualTo("process_creation");
    LogSource fromChannel =
        EventLogsource.of(
            event(
                FieldLayout.NATIVE,
                List.of("Channel", "EventID"),
                "Microsoft-Windows-Sysmon/Operational",
                "1"));
    assertThat(fromChannel.category()).isEqualTo("process_creation");
    assertThat(fromChannel.product()).isEqualTo("windows");
    LogSource unknown = EventLogsource.of(event(FieldLayout.NATIVE, List.of("X"), "y"));
    assertThat(unknown).isEqualTo(new LogSource(null, "windows", null, null));
  }

  @Test
  void aTestGoesBesideTheRuleElseUnderSigmaHqsFolderForItsLogsource() {
    Path root = Path.of("/r");
    assertThat(RuleTestsDialog.ruleFolder(root, Path.of("/r/rules/windows/x/a.yml"), null))
        .isEqualTo("rules/windows/x");
    assertThat(
            RuleTestsDialog.ruleFolder(
                root,
                Path.of("/elsewhere/a.yml"),
                new LogSource("process_creation", "windows", null, null)))
        .isEqualTo("rules/windows/process_creation");
    assertThat(RuleTestsDialog.fileName(null, "Untitled-1")).isEqualTo("Untitled-1.yml");
    assertThat(RuleTestsDialog.fileName(Path.of("/r/a.yaml"), "a.yaml")).isEqualTo("a.yaml");
  }
}
