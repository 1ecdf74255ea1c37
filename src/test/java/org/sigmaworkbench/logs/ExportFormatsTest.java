package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.mapping.EventSource;
import org.sigmaworkbench.mapping.Places;

/** One realistic (synthetic) export per tool: what each becomes, field by field. */
class ExportFormatsTest {

  static final Path FIXTURES = Path.of("src/test/resources/org/sigmaworkbench/logs");
  static final String PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

  record Read(List<Event> events, List<LogProblem> problems, String format) {
    Event get(int record) {
      return events.get(record - 1);
    }
  }

  static Read read(Path p) throws Exception {
    return read(p, ReadOptions.AUTO);
  }

  static Read read(Path p, ReadOptions options) throws Exception {
    try (EventStream s = LogReaders.open(p, options)) {
      List<Event> out = new ArrayList<>();
      Event e;
      while ((e = s.next()) != null) {
        out.add(e);
      }
      return new Read(out, List.copyOf(s.problems()), s.formatName());
    }
  }

  static Path fixture(String name) {
    return FIXTURES.resolve(name);
  }

  private static EventSource sysmon(String category) {
    return new EventSource("windows", "sysmon", List.of(category));
  }

  private static final EventSource SECURITY_PROCESS =
      new EventSource("windows", "security", List.of("process_creation"));
  private static final EventSource SECURITY = new EventSource("windows", "security", List.of());

  @Test
  void evtxECmdCsvTakesTheEventDataFromThePayload() throws Exception {
    Path p = fixture("evtxecmd.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVTXECMD_CSV);
    Read r = read(p);
    assertThat(r.format()).isEqualTo("EvtxECmd CSV");
    assertThat(r.events()).hasSize(7);
    Event sysmon = r.get(1);
    assertThat(sysmon.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate -Cert");
    assertThat(sysmon.get("Image")).isEqualTo(PS);
    assertThat(sysmon.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(sysmon.get("EventID")).isEqualTo("1");
    assertThat(sysmon.get("Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
    assertThat(sysmon.get("ProcessId")).isEqualTo("4100");
    assertThat(sysmon.get("Execution_ProcessID")).isEqualTo("3032");
    assertThat(sysmon.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));

    Event proc = r.get(3);
    assertThat(proc.get("Image")).isEqualTo("C:\\Program Files\\PowerShell\\7\\pwsh.exe");
    assertThat(proc.get("CommandLine")).contains("7A3F\r\nExport-Certificate -Cert");
    assertThat(proc.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(proc.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);

    Event logon = r.get(4);
    assertThat(logon.get("TargetUserName")).isEqualTo("jdoe");
    assertThat(logon.get("CommandLine")).isNull();
    assertThat(logon.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY);

    // Without a payload, the Sysmon 1 map columns still give the command line.
    Event noPayload = r.get(5);
    assertThat(noPayload.get("ExecutableInfo")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(noPayload.get("CommandLine")).isEqualTo(noPayload.get("ExecutableInfo"));
    assertThat(noPayload.get("Image")).isNull();

    Event cleared = r.get(7);
    assertThat(cleared.get("SubjectUserName")).isEqualTo("admin");
    assertThat(cleared.get("EventID")).isEqualTo("1102");

    assertThat(r.problems()).hasSize(1);
    LogProblem broken = r.problems().get(0);
    assertThat(broken.where()).isEqualTo("record 6, line 8");
    assertThat(broken.message()).contains("Payload").contains("not valid JSON");
    assertThat(broken.fatal()).isFalse();
    assertThat(r.get(6).get("EventRecordID")).isEqualTo("3326");
  }

  @Test
  void eventViewerCsvTakesSysmonFieldsFromTheMessage() throws Exception {
    Path p = fixture("eventviewer-sysmon.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_VIEWER_CSV);
    Read r = read(p);
    assertThat(r.format()).isEqualTo("Event Viewer CSV (fields from the message text)");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(4);
    Event first = r.get(1);
    assertThat(first.get("EventID")).isEqualTo("1");
    assertThat(first.get("Provider_Name")).isEqualTo("Sysmon");
    assertThat(first.get("TimeCreated")).isEqualTo("11/20/2026 10:00:13 AM");
    assertThat(first.get("CommandLine"))
        .isEqualTo(
            "powershell.exe Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\5F98EBBFE735CDDAE00E33E0FD69050EF9220254"
                + " -FilePath C:\\ProgramData\\srv.pfx -Password $pw");
    assertThat(first.get("Image")).isEqualTo(PS);
    assertThat(first.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(first.get("ParentCommandLine")).isEqualTo("C:\\Windows\\Explorer.EXE");
    assertThat(first.get("Product")).isEqualTo("Microsoft® Windows® Operating System");
    assertThat(first.get("RuleName")).isEqualTo("-");
    assertThat(first.get("Message")).startsWith("Process Create:\r\nRuleName: -");
    assertThat(first.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    assertThat(r.get(2).get("CommandLine"))
        .isEqualTo(
            "pwsh.exe -Command \"$c = Get-Item Cert:\\LocalMachine\\My\\7A3F\r\n"
                + "Export-Certificate -Cert $c -FilePath D:\\backup\\web.cer\"");
    assertThat(r.get(2).get("CurrentDirectory")).isEqualTo("C:\\Users\\jdoe\\");
    Event terminated = r.get(4);
    assertThat(terminated.get("Image")).isEqualTo(PS);
    assertThat(terminated.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_termination"));
  }

  @Test
  void eventViewerTextTakes4688FieldsFromTheMessage() throws Exception {
    Path p = fixture("eventviewer-security.txt");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_VIEWER_TEXT);
    Read r = read(p);
    assertThat(r.format()).startsWith("Event Viewer tab-separated text");
    assertThat(r.events()).hasSize(4);
    Event proc = r.get(2);
    assertThat(proc.get("NewProcessName")).isEqualTo(PS);
    assertThat(proc.get("Image")).isEqualTo(PS);
    assertThat(proc.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(proc.get("ParentProcessName")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(proc.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(proc.get("SubjectUserName")).isEqualTo("jdoe");
    assertThat(proc.get("TargetUserName")).isEqualTo("-");
    assertThat(proc.get("NewProcessId")).isEqualTo("0x1a00");
    assertThat(proc.get("MandatoryLabel")).isEqualTo("S-1-16-12288");
    assertThat(proc.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);
    Event logon = r.get(1);
    assertThat(logon.get("CommandLine")).isNull();
    assertThat(logon.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY);
  }

  @Test
  void localizedEventViewerExportReadsKnownLabelsAndNamesUnknownOnes() throws Exception {
    Path p = fixture("eventviewer-german.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_VIEWER_CSV);
    Read r = read(p);
    assertThat(r.events()).hasSize(2);
    for (Event e : r.events()) {
      assertThat(e.get("Message")).contains("Export-PfxCertificate");
    }
    // German 4688 labels are known.
    assertThat(r.get(1).get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(r.get(1).get("Image")).isEqualTo(PS);
    // Sysmon does not translate its labels: a translated one is not made into a field, and said.
    assertThat(r.get(2).get("CommandLine")).isNull();
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).where()).startsWith("record 2");
    assertThat(r.problems().get(0).message()).contains("'Befehlszeile'");
    assertThat(r.get(1).get("EventID")).isEqualTo("4688");
    assertThat(r.get(1).get("TimeCreated")).isEqualTo("20.11.2026 10:00:14");
  }

  @Test
  void getWinEventExportCsvTakesFieldsFromTheMessage() throws Exception {
    Path p = fixture("getwinevent-export.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.POWERSHELL_CSV);
    Read r = read(p);
    assertThat(r.events()).hasSize(3);
    Event first = r.get(1);
    assertThat(first.get("EventID")).isEqualTo("1");
    assertThat(first.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    assertThat(first.get("Computer")).isEqualTo("WS-0142.corp.example");
    assertThat(first.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(first.get("Image")).isEqualTo(PS);
    assertThat(first.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    Event proc = r.get(3);
    assertThat(proc.get("Image")).isEqualTo(PS);
    assertThat(proc.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(proc.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);
  }

  @Test
  void hayabusaCsvSplitsDetailsIntoSigmaFields() throws Exception {
    Path p = fixture("hayabusa-timeline.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.HAYABUSA_CSV);
    Read r = read(p);
    assertThat(r.format()).isEqualTo("Hayabusa CSV timeline");
    assertThat(r.events()).hasSize(4);
    Event first = r.get(1);
    assertThat(first.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    assertThat(first.get("CommandLine"))
        .isEqualTo(
            "powershell.exe Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\5F98EBBFE735CDDAE00E33E0FD69050EF9220254"
                + " -FilePath C:\\ProgramData\\srv.pfx -Password $pw");
    assertThat(first.get("Image")).isEqualTo(PS);
    assertThat(first.get("User")).isEqualTo("CORP\\jdoe");
    assertThat(first.get("ParentCommandLine")).isEqualTo("C:\\Windows\\Explorer.EXE");
    assertThat(first.get("ProcessId")).isEqualTo("4100");
    assertThat(first.get("EventRecordID")).isEqualTo("3321");
    assertThat(first.get("OriginalFileName")).isEqualTo("PowerShell.EXE");
    assertThat(first.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(first.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    Event proc = r.get(3);
    assertThat(proc.get("Channel")).isEqualTo("Security");
    assertThat(proc.get("Image")).isEqualTo(PS);
    assertThat(proc.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(proc.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);
    Event logon = r.get(4);
    assertThat(logon.get("TgtUser")).isEqualTo("jdoe");
    assertThat(logon.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY);
  }

  @Test
  void hayabusaJsonLinesMapDetailsToSigmaFields() throws Exception {
    Path p = fixture("hayabusa-timeline.jsonl");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.HAYABUSA_JSON);
    Read r = read(p);
    assertThat(r.format()).startsWith("Hayabusa JSON timeline");
    assertThat(r.events()).hasSize(4);
    Event first = r.get(1);
    assertThat(first.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(first.get("Image")).isEqualTo(PS);
    assertThat(first.get("ProcessId")).isEqualTo("4100");
    assertThat(first.get("IntegrityLevel")).isEqualTo("High");
    assertThat(first.fields()).doesNotContainKey("Details.Cmdline");
    assertThat(first.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    assertThat(r.get(3).schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);
  }

  @Test
  void winlogbeatEcsMapsToSigmaNames() throws Exception {
    Path p = fixture("winlogbeat-ecs.ndjson");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.WINLOGBEAT_JSON);
    Read r = read(p);
    assertThat(r.format()).startsWith("Winlogbeat ECS JSON");
    assertThat(r.events()).hasSize(4);
    Event sysmon = r.get(1);
    assertThat(sysmon.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(sysmon.get("Image")).isEqualTo(PS);
    assertThat(sysmon.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(sysmon.get("ParentCommandLine")).isEqualTo("C:\\Windows\\Explorer.EXE");
    assertThat(sysmon.get("OriginalFileName")).isEqualTo("PowerShell.EXE");
    assertThat(sysmon.get("User")).isEqualTo("CORP\\jdoe");
    assertThat(sysmon.get("IntegrityLevel")).isEqualTo("High");
    assertThat(sysmon.get("EventID")).isEqualTo("1");
    assertThat(sysmon.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    assertThat(sysmon.get("Computer")).isEqualTo("WS-0142.corp.example");
    assertThat(sysmon.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    Event proc = r.get(3);
    assertThat(proc.get("NewProcessName")).isEqualTo(PS);
    assertThat(proc.get("Image")).isEqualTo(PS);
    assertThat(proc.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(proc.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);
    assertThat(r.get(4).schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY);
  }

  @Test
  void elasticsearchHitsOfWinlogbeatEventsAreUnwrapped() throws Exception {
    Path p = fixture("winlogbeat-elastic-hits.json");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.WINLOGBEAT_JSON);
    Read r = read(p);
    assertThat(r.format()).contains("JSON array");
    assertThat(r.events()).hasSize(2);
    assertThat(r.get(1).get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(r.get(1).schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    assertThat(r.get(2).get("TargetUserName")).isEqualTo("jdoe");
  }

  @Test
  void chainsawHuntJsonUnwrapsTheDocument() throws Exception {
    Path p = fixture("chainsaw-hunt.json");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.CHAINSAW_JSON);
    Read r = read(p);
    assertThat(r.format()).startsWith("Chainsaw hunt JSON");
    Event e = r.get(1);
    assertThat(e.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(e.get("Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
    assertThat(e.get("TimeCreated_SystemTime")).isEqualTo("2026-11-20T09:00:13.123456Z");
    assertThat(e.get("name")).isEqualTo("Certificate Exported Via PowerShell");
    assertThat(e.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
  }

  @Test
  void chainsawHuntCsvReadsTheEventDataColumn() throws Exception {
    Path p = fixture("chainsaw-hunt-sigma.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.CHAINSAW_CSV);
    Read r = read(p);
    assertThat(r.events()).hasSize(3);
    assertThat(r.get(1).get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(r.get(1).get("EventID")).isEqualTo("1");
    Event proc = r.get(2);
    assertThat(proc.get("Image")).isEqualTo("C:\\Windows\\System32\\whoami.exe");
    assertThat(proc.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(SECURITY_PROCESS);
    assertThat(r.problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.where()).startsWith("record 3"));
  }

  @Test
  void logAnalyticsEventTableExportParsesItsEventDataColumn() throws Exception {
    Path p = fixture("sentinel-event-table.csv");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.LOG_ANALYTICS_EVENT_CSV);
    Read r = read(p);
    assertThat(r.events()).hasSize(3);
    Event e = r.get(1);
    assertThat(e.get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(e.get("Image")).isEqualTo(PS);
    assertThat(e.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    assertThat(e.get("TimeGenerated")).isEqualTo("11/20/2026, 9:00:13.123 AM");
    assertThat(e.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
    assertThat(r.get(3).get("CommandLine")).isNull();
    assertThat(r.problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.where()).isEqualTo("record 3, line 4"));
  }

  @Test
  void evtxECmdJsonLinesReadLikeItsCsv() throws Exception {
    Path p = fixture("evtxecmd.csv");
    Read csv = read(p);
    java.nio.file.Path json = java.nio.file.Files.createTempFile("evtxecmd", ".json");
    try {
      StringBuilder b = new StringBuilder();
      for (Event e : csv.events()) {
        b.append('{');
        boolean first = true;
        for (String column :
            List.of(
                "RecordNumber",
                "EventRecordId",
                "TimeCreated",
                "EventId",
                "Provider",
                "Channel",
                "Computer",
                "MapDescription",
                "ExecutableInfo",
                "Payload")) {
          String name =
              switch (column) {
                case "EventRecordId" -> "EventRecordID";
                case "EventId" -> "EventID";
                case "Provider" -> "Provider_Name";
                default -> column;
              };
          String v = e.get(name);
          if (!first) {
            b.append(',');
          }
          first = false;
          b.append('"').append(column).append("\":");
          b.append(v == null ? "null" : quote(v));
        }
        b.append("}\n");
      }
      java.nio.file.Files.writeString(json, b.toString());
      assertThat(LogReaders.detectKind(json)).isEqualTo(LogKind.EVTXECMD_JSON);
      Read r = read(json);
      assertThat(r.events()).hasSize(7);
      assertThat(r.get(1).get("CommandLine")).isEqualTo(csv.get(1).get("CommandLine"));
      assertThat(r.get(3).get("Image")).isEqualTo(csv.get(3).get("Image"));
      assertThat(r.get(1).schema().layout().source())
          .usingComparator(Places.BY_PLACE)
          .isEqualTo(sysmon("process_creation"));
      assertThat(r.problems()).hasSize(1);
    } finally {
      java.nio.file.Files.delete(json);
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Test
  void hayabusaAllFieldInfoProfile() throws Exception {
    java.nio.file.Path p = java.nio.file.Files.createTempFile("hayabusa-all", ".csv");
    try {
      java.nio.file.Files.writeString(
          p,
          "\"Timestamp\",\"RuleTitle\",\"Level\",\"Computer\",\"Channel\",\"EventID\",\"RecordID\",\"AllFieldInfo\",\"RuleID\"\n"
              + "\"2026-11-20 18:00:13.123 +09:00\",\"Proc Exec\",\"info\",\"WS-0142\",\"Sysmon\",\"1\",\"3321\","
              + "\"CommandLine: cmd.exe /c whoami \u00a6 Image: C:\\Windows\\System32\\cmd.exe \u00a6 ParentImage: C:\\Windows\\explorer.exe\",\"x\"\n");
      assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.HAYABUSA_CSV);
      Event e = read(p).get(1);
      assertThat(e.get("CommandLine")).isEqualTo("cmd.exe /c whoami");
      assertThat(e.get("Image")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
      assertThat(e.get("ParentImage")).isEqualTo("C:\\Windows\\explorer.exe");
    } finally {
      java.nio.file.Files.delete(p);
    }
  }

  @Test
  void renderedEventXmlKeepsTheMessage() throws Exception {
    Path p = fixture("sysmon-wevtutil-rendered.xml");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_XML);
    Read r = read(p);
    assertThat(r.format()).contains("rendered");
    assertThat(r.events()).hasSize(2);
    Event e = r.get(1);
    assertThat(e.get("CommandLine")).endsWith("-Password $pw & \"x\"");
    assertThat(e.get("Message")).startsWith("Process Create:\r\nRuleName: -");
    assertThat(e.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    assertThat(e.schema().layout().source())
        .usingComparator(Places.BY_PLACE)
        .isEqualTo(sysmon("process_creation"));
  }

  @Test
  void evtxDumpXmlWithRecordLinesAndADeclarationPerEvent() throws Exception {
    Path p = fixture("sysmon-evtx-dump.xml");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_XML);
    Read r = read(p);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    assertThat(r.get(2).get("CommandLine")).isEqualTo("cmd.exe /c whoami");
    assertThat(r.get(2).get("EventRecordID")).isEqualTo("3322");
  }

  @Test
  void eventViewerSaveAsXmlInUtf16() throws Exception {
    Path p = fixture("sysmon-eventviewer-utf16.xml");
    assertThat(LogReaders.detectKind(p)).isEqualTo(LogKind.EVENT_XML);
    Read r = read(p);
    assertThat(r.format()).startsWith("Event Viewer XML");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    assertThat(r.get(1).get("CommandLine")).startsWith("powershell.exe Export-PfxCertificate");
    assertThat(r.get(2).get("CommandLine")).isEqualTo("notepad.exe C:\\x.txt");
  }
}
