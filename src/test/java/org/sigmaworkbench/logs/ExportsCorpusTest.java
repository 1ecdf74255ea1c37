package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.logs.json.JsonFields;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.Places;

/** The real export samples of the shared corpus read as the formats they are. */
class ExportsCorpusTest {

  @Test
  void log_analyticsExportOfDeviceProcessEvents() throws Exception {
    Path p = TestFiles.corpus("exports").resolve("M365_ProcessEvents_InesgtedLogs.excerpt.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.TABLE_EXPORT_CSV);
    ExportFormatsTest.Read r = ExportFormatsTest.read(p);
    assertThat(r.format()).contains("DeviceProcessEvents");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(1);
    Event e = r.get(1);
    assertThat(e.schema().names())
        .contains("ProcessCreationTime", "TimeGenerated", "InitiatingProcessCommandLine")
        .noneMatch(n -> n.contains("["));
    assertThat(e.get("CommandLine"))
        .isEqualTo("/app/grpc-health-probe -addr=:50051 -connect-timeout=5s -rpc-timeout=5s");
    assertThat(e.get("CommandLine")).isEqualTo(e.get("ProcessCommandLine"));
    assertThat(e.get("Computer")).isEqualTo("ip-172-31-46-50.eu-central-1.compute.internal");
    assertThat(e.get("ProcessCreationTime")).isEqualTo("10/25/2023, 9:43:21.990 AM");
    assertThat(e.fields()).containsKey("CommandLine");
    // An export of one table does not say per row what it is: every rule is tried on it.
    assertThat(e.schema().layout().source().isKnown()).isFalse();
  }

  @Test
  void otrfFlatJsonLinesWithMessages() throws Exception {
    Path p =
        TestFiles.corpus("exports")
            .resolve("cmd_discover_iexplorer_version_registry_2020-10-2123281491.json");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.JSON);
    ExportFormatsTest.Read r = ExportFormatsTest.read(p);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(68);
    Event proc4688 = only(r.events(), "Security", "4688");
    assertThat(proc4688.get("Image")).isEqualTo("C:\\Windows\\System32\\reg.exe");
    assertThat(proc4688.get("ParentImage")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
    assertThat(proc4688.get("CommandLine"))
        .isEqualTo(
            "reg  query \"HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Internet Explorer\" /v svcVersion");
    assertThat(proc4688.get("Computer")).isEqualTo("WORKSTATION5");
    assertThat(proc4688.get("Provider_Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
    assertThat(proc4688.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(new EventSource("windows", "security", List.of("process_creation")));
    Event sysmon1 = only(r.events(), "Microsoft-Windows-Sysmon/Operational", "1");
    assertThat(sysmon1.get("CommandLine")).isEqualTo(proc4688.get("CommandLine"));
    assertThat(sysmon1.schema().layout().category()).isEqualTo("process_creation");
    long processAccess =
        r.events().stream()
            .filter(e -> "process_access".equals(e.schema().layout().category()))
            .count();
    assertThat(processAccess).isEqualTo(33);
    assertThat(only(r.events(), "System", "104").schema().layout().service()).isEqualTo("system");
    Event cleared = only(r.events(), "Security", "1102");
    assertThat(cleared.schema().layout().service()).isEqualTo("security");
    assertThat(cleared.schema().layout().category()).isNull();
  }

  @Test
  void chainsawSearchJsonLines() throws Exception {
    Path p = TestFiles.corpus("exports").resolve("clo_search_q_jsonl_simple_string.txt");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVTX_DUMP_JSON);
    ExportFormatsTest.Read r = ExportFormatsTest.read(p);
    assertThat(r.events()).hasSize(2);
    Event e = r.get(1);
    assertThat(e.get("EventID")).isEqualTo("4624");
    assertThat(e.get("Provider_Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
    assertThat(e.get("TimeCreated_SystemTime")).isEqualTo("2022-10-11T19:26:52.154080Z");
    assertThat(e.get("Execution_ProcessID")).isEqualTo("688");
    assertThat(e.get("TargetUserName")).isEqualTo("SYSTEM");
    assertThat(e.get("LogonProcessName")).isEqualTo("Advapi  ");
    assertThat(e.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(new EventSource("windows", "security", List.of()));
  }

  @Test
  void sigmaRegressionEvtxDumpJsonGivesTheIndexedCommandLines() throws Exception {
    Path root = TestFiles.corpus("sigma-regression");
    List<Map<String, Object>> sets = RegressionIndex.sets(root);
    assertThat(sets).hasSizeGreaterThanOrEqualTo(30);
    for (Map<String, Object> set : sets) {
      String evtx = (String) set.get("evtx");
      Path json = root.resolve(evtx.substring(0, evtx.length() - ".evtx".length()) + ".json");
      assertThat(LogReaders.detectKind(json)).as(json.toString()).isEqualTo(LogKind.EVTX_DUMP_JSON);
      ExportFormatsTest.Read r = ExportFormatsTest.read(json);
      assertThat(r.problems()).as(json.toString()).isEmpty();
      assertThat(r.events())
          .as(json.toString())
          .hasSize(Integer.parseInt(String.valueOf(set.get("records"))));
      List<String> commandLines = new ArrayList<>();
      for (Event e : r.events()) {
        commandLines.add(e.get("CommandLine").stripTrailing());
        assertThat(e.schema().layout().source())
            .as(json.toString())
            .usingComparator(Places.BY_PLACE)
            .isEqualTo(new EventSource("windows", "sysmon", List.of("process_creation")));
      }
      // The index holds the values of the .evtx; the upstream JSON lost their trailing blanks.
      List<String> indexed = new ArrayList<>();
      for (Object c : (List<?>) set.get("command_lines")) {
        indexed.add(String.valueOf(c).stripTrailing());
      }
      assertThat(commandLines).as(json.toString()).isEqualTo(indexed);
    }
  }

  private static Event only(List<Event> events, String channel, String eventId) {
    List<Event> found =
        events.stream()
            .filter(e -> channel.equals(e.get("Channel")) && eventId.equals(e.get("EventID")))
            .toList();
    assertThat(found).as(channel + " " + eventId).hasSize(1);
    return found.get(0);
  }

  /** The sets listed in {@code sigma-regression/index.json}. */
  static final class RegressionIndex {
    private RegressionIndex() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sets(Path root) throws Exception {
      Object tree = JsonFields.tree(Files.readString(root.resolve("index.json")));
      return (List<Map<String, Object>>) ((Map<String, Object>) tree).get("sets");
    }
  }
}
