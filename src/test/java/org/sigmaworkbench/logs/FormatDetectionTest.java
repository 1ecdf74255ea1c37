package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.logs.ExportFormatsTest.fixture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.logs.detect.LogReaders;

/** The format comes from the content; the user may choose another format and column mapping. */
class FormatDetectionTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @ParameterizedTest(name = "{0} named {1}")
  @CsvSource({
    "evtxecmd.csv,             notes.json,   EVTXECMD_CSV",
    "eventviewer-sysmon.csv,   log.xml,      EVENT_VIEWER_CSV",
    "hayabusa-timeline.csv,    events.csv,   HAYABUSA_CSV",
    "hayabusa-timeline.jsonl,  timeline.csv, HAYABUSA_JSON",
    "winlogbeat-ecs.ndjson,    export.xml,   WINLOGBEAT_JSON",
    "chainsaw-hunt.json,       out.txt,      CHAINSAW_JSON",
    "getwinevent-export.csv,   a.json,       POWERSHELL_CSV",
    "sysmon-evtx-dump.xml,     dump.json,    EVENT_XML"
  })
  void aMisleadingNameDoesNotMatter(String fixture, String name, LogKind kind) throws Exception {
    Path p = dir.resolve(name);
    Files.copy(fixture(fixture), p);
    assertThat(LogReaders.detectKind(p)).isEqualTo(kind);
    assertThat(LogReaders.detect(p)).isEqualTo(kind.format());
  }

  @Test
  void aCsvWithAPayloadColumnIsNotEvtxECmdWithoutItsOtherColumns() throws Exception {
    assertThat(LogReaders.detectKind(file("p.csv", "EventId,Payload,Image\n1,x,y\n")))
        .isEqualTo(LogKind.CSV);
    assertThat(
            LogReaders.detectKind(
                file("q.csv", "EventId,MapDescription,Payload\n1,Process creation,{}\n")))
        .isEqualTo(LogKind.EVTXECMD_CSV);
  }

  @Test
  void eventViewerIsToldFromASigmaNamesCsvByItsShape() throws Exception {
    // Five columns of Sigma names: no sixth field, so not Event Viewer.
    assertThat(
            LogReaders.detectKind(
                file("s.csv", "UtcTime,EventID,Computer,Image,CommandLine\nt,1,c,i.exe,cmd\n")))
        .isEqualTo(LogKind.CSV);
    // Five localized names and rows of six with a number in the fourth: Event Viewer.
    assertThat(
            LogReaders.detectKind(
                file(
                    "fr.csv",
                    "Niveau,Date et heure,Source,ID de l'événement,Catégorie de la tâche\n"
                        + "Information,20/11/2026 10:00:13,Sysmon,1,Process Create,\"Process Create:\r\nImage: x\"\n")))
        .isEqualTo(LogKind.EVENT_VIEWER_CSV);
  }

  @Test
  void tableExportsAndSigmaNameCsvs() throws Exception {
    assertThat(LogReaders.detectKind(Path.of("sample-logs/sentinel-asim-export.csv")))
        .isEqualTo(LogKind.TABLE_EXPORT_CSV);
    assertThat(LogReaders.detectKind(Path.of("sample-logs/defender-process-events.csv")))
        .isEqualTo(LogKind.TABLE_EXPORT_CSV);
    assertThat(LogReaders.detectKind(Path.of("sample-logs/sysmon-fields.csv")))
        .isEqualTo(LogKind.CSV);
    assertThat(LogReaders.detectKind(Path.of("sample-logs/sysmon-flat.jsonl")))
        .isEqualTo(LogKind.JSON);
    assertThat(LogReaders.detectKind(Path.of("sample-logs/evtx-dump.jsonl")))
        .isEqualTo(LogKind.EVTX_DUMP_JSON);
  }

  @Test
  void winlogbeatIsToldFromEvtxDumpJson() throws Exception {
    assertThat(
            LogReaders.detectKind(
                file("w.json", "{\"winlog\":{\"event_id\":1,\"event_data\":{\"Image\":\"x\"}}}\n")))
        .isEqualTo(LogKind.WINLOGBEAT_JSON);
    assertThat(
            LogReaders.detectKind(
                file(
                    "d.json",
                    "{\"Event\":{\"System\":{\"EventID\":1},\"EventData\":{\"Image\":\"x\"}}}\n")))
        .isEqualTo(LogKind.EVTX_DUMP_JSON);
  }

  @Test
  void theChosenFormatWinsOverDetection() throws Exception {
    ExportFormatsTest.Read asPlain =
        ExportFormatsTest.read(fixture("evtxecmd.csv"), ReadOptions.as(LogKind.CSV));
    assertThat(asPlain.format()).isEqualTo("CSV (Sigma field names)");
    assertThat(asPlain.get(1).get("CommandLine")).isNull();
    assertThat(asPlain.get(1).get("Payload")).startsWith("{\"EventData\"");
    ExportFormatsTest.Read asXml =
        ExportFormatsTest.read(fixture("evtxecmd.csv"), ReadOptions.as(LogKind.EVENT_XML));
    assertThat(asXml.events()).isEmpty();
    assertThat(asXml.problems()).singleElement().satisfies(pr -> assertThat(pr.fatal()).isTrue());
  }

  @Test
  void theUsersColumnMappingMapsAColumnToASigmaField() throws Exception {
    Path p =
        file("custom.csv", "when,proc,cmd\n2026,C:\\x.exe,powershell Export-Certificate -Cert c\n");
    ExportFormatsTest.Read plain = ExportFormatsTest.read(p);
    assertThat(plain.get(1).get("CommandLine")).isNull();
    ReadOptions mapped = new ReadOptions(null, Map.of("cmd", "CommandLine", "proc", "Image"));
    ExportFormatsTest.Read r = ExportFormatsTest.read(p, mapped);
    assertThat(r.format()).endsWith("with your column mapping");
    Event e = r.get(1);
    assertThat(e.get("CommandLine")).isEqualTo("powershell Export-Certificate -Cert c");
    assertThat(e.get("Image")).isEqualTo("C:\\x.exe");
    assertThat(e.fields()).containsEntry("CommandLine", "powershell Export-Certificate -Cert c");
    // The mapping also applies to formats with their own names.
    ExportFormatsTest.Read xml =
        ExportFormatsTest.read(
            fixture("security-logons-and-4688.xml"),
            ReadOptions.AUTO.withColumn("TargetUserName", "User"));
    assertThat(xml.get(1).get("User")).isEqualTo("jdoe");
  }

  @Test
  void theMenuListsEveryFormatOnceWithATitle() {
    assertThat(LogReaders.kinds()).contains(LogKind.values());
    assertThat(new HashSet<>(LogReaders.kinds().stream().map(LogKind::title).toList()))
        .hasSize(LogKind.values().length);
    assertThat(LogKind.of(LogFormat.CSV)).contains(LogKind.EVTXECMD_CSV, LogKind.HAYABUSA_CSV);
    assertThat(LogKind.EVTX.format()).isEqualTo(LogFormat.EVTX);
  }
}
