package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.logs.ExportFormatsTest.fixture;
import static org.sigmaworkbench.logs.ExportFormatsTest.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.logs.json.JsonEventReader;

/** Every reader on UTF-16 input, and the records that are not what they should be. */
class EncodingsAndEdgesTest {

  @TempDir Path dir;

  /** The fixture re-encoded: UTF-16 LE or BE with a byte order mark, as PowerShell 5.1 writes. */
  private Path reencoded(String fixture, Charset cs) throws Exception {
    String text = Files.readString(fixture(fixture), StandardCharsets.UTF_8).replace("\uFEFF", "");
    byte[] bom =
        cs.equals(StandardCharsets.UTF_16BE)
            ? new byte[] {(byte) 0xFE, (byte) 0xFF}
            : new byte[] {(byte) 0xFF, (byte) 0xFE};
    byte[] body = text.getBytes(cs);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Path p = dir.resolve(cs.name() + "-" + fixture);
    Files.write(p, all);
    return p;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "evtxecmd.csv,              UTF-16LE, EVTXECMD_CSV,      7",
    "eventviewer-sysmon.csv,    UTF-16LE, EVENT_VIEWER_CSV,  4",
    "eventviewer-security.txt,  UTF-16BE, EVENT_VIEWER_TEXT, 4",
    "getwinevent-export.csv,    UTF-16LE, POWERSHELL_CSV,    3",
    "hayabusa-timeline.csv,     UTF-16LE, HAYABUSA_CSV,      4",
    "chainsaw-hunt-sigma.csv,   UTF-16BE, CHAINSAW_CSV,      3",
    "hayabusa-timeline.jsonl,   UTF-16LE, HAYABUSA_JSON,     4",
    "winlogbeat-ecs.ndjson,     UTF-16BE, WINLOGBEAT_JSON,   4",
    "chainsaw-hunt.json,        UTF-16LE, CHAINSAW_JSON,     1",
    "sysmon-wevtutil-rendered.xml, UTF-16LE, EVENT_XML,      2",
    "security-logons-and-4688.xml, UTF-16BE, EVENT_XML,      6"
  })
  void utf16ReadsTheSameAsUtf8(String fixture, String charset, LogKind kind, int events)
      throws Exception {
    Path utf16 = reencoded(fixture, Charset.forName(charset));
    assertThat(LogReaders.detectKind(utf16)).isEqualTo(kind);
    ExportFormatsTest.Read a = read(fixture(fixture));
    ExportFormatsTest.Read b = read(utf16);
    assertThat(b.events()).hasSize(events);
    for (int i = 0; i < events; i++) {
      assertThat(b.events().get(i).fields()).isEqualTo(a.events().get(i).fields());
    }
    assertThat(b.problems().stream().map(LogProblem::where).toList())
        .isEqualTo(a.problems().stream().map(LogProblem::where).toList());
  }

  @Test
  void windows1252CsvFromExcelKeepsItsAccents() throws Exception {
    Path p = dir.resolve("ansi.csv");
    Files.write(p, "Image,CommandLine\r\nc:\\x.exe,\"Jürgen Größe\"\r\n".getBytes("windows-1252"));
    assertThat(read(p).get(1).get("CommandLine")).isEqualTo("Jürgen Größe");
  }

  @Test
  void emptyFieldsAndShortRowsAreAbsentOrEmptyNeverShifted() throws Exception {
    Path p = dir.resolve("e.csv");
    Files.writeString(p, "Image,CommandLine,User\nx.exe,,u\n,\"\",\ny.exe\n");
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).hasSize(3);
    assertThat(r.get(1).get("CommandLine")).isEmpty();
    assertThat(r.get(1).get("User")).isEqualTo("u");
    assertThat(r.get(2).get("Image")).isEmpty();
    assertThat(r.get(2).get("CommandLine")).isEmpty();
    assertThat(r.get(2).get("User")).isEmpty();
    assertThat(r.get(3).get("Image")).isEqualTo("y.exe");
    assertThat(r.get(3).get("CommandLine")).isNull();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aJsonLineWithAStringLeftOpenCostsThatLineAlone() throws Exception {
    Path p = dir.resolve("open.jsonl");
    Files.writeString(
        p,
        "{\"EventID\": 1, \"CommandLine\": \"first\"}\n"
            + "{\"EventID\": 1, \"CommandLine\": \"cut off\n"
            + "{\"EventID\": 1, \"CommandLine\": \"third\"}\n",
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).extracting(e -> e.get("CommandLine")).containsExactly("first", "third");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.where()).isEqualTo("line 2");
              assertThat(pr.message()).contains("still open at the end of line 2");
            });
  }

  @Test
  void anObjectThatNeverClosesIsReportedAndTheObjectsAfterItAreRead() throws Exception {
    Path p = dir.resolve("unclosed.jsonl");
    Files.writeString(
        p,
        "{\"EventID\": 1, \"CommandLine\": \"first\"}\n"
            + "{\"EventID\": 1, \"CommandLine\": \"no brace\",\n"
            + "{\"EventID\": 1, \"CommandLine\": \"third\"}\n"
            + "{\"EventID\": 1, \"CommandLine\": \"fourth\"}\n",
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events())
        .extracting(e -> e.get("CommandLine"))
        .containsExactly("first", "third", "fourth");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.where()).isEqualTo("line 2");
              assertThat(pr.message()).contains("not closed before the end of the file");
            });
  }

  @Test
  void aPrettyPrintedRecordCutShortCostsThatRecordAlone() throws Exception {
    String record =
        "{\n"
            + "  \"Event\": {\n"
            + "    \"System\": {\"EventID\": 1, \"Channel\":"
            + " \"Microsoft-Windows-Sysmon/Operational\"},\n"
            + "    \"EventData\": {\"CommandLine\": \"%s\"}\n"
            + "  }\n"
            + "}\n";
    String cut = String.format(record, "second");
    cut = cut.substring(0, cut.lastIndexOf("  }"));
    Path p = dir.resolve("dump.json");
    Files.writeString(
        p,
        "Record 1\n"
            + String.format(record, "first")
            + "Record 2\n"
            + cut
            + "Record 3\n"
            + String.format(record, "third"),
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).extracting(e -> e.get("CommandLine")).containsExactly("first", "third");
    assertThat(r.events().get(1).record()).isEqualTo(2);
    assertThat(r.problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.where()).isEqualTo("line 9"));
  }

  @Test
  void anObjectThatNeverClosesIsGivenUpAtItsSizeLimit() throws Exception {
    Path p = dir.resolve("huge.jsonl");
    StringBuilder text = new StringBuilder("{\"EventID\": 1, \"CommandLine\": [\n");
    String item = "\"" + "x".repeat(1000) + "\",\n";
    while (text.length() <= JsonEventReader.MAX_OBJECT_CHARS) {
      text.append(item);
    }
    text.append("{\"EventID\": 1, \"CommandLine\": \"after\"}\n");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).extracting(e -> e.get("CommandLine")).containsExactly("after");
    assertThat(r.problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.message()).contains("does not close within 4 MiB"));
  }

  @Test
  void aControlCharacterBeforeAJsonArrayIsAProblemWithItsPositionNotACrash() throws Exception {
    // Java counts a vertical tab or form feed as white space; JSON does not.
    Path p = dir.resolve("vt.json");
    Files.writeString(
        p, "\u000B[{\"EventID\": 1, \"CommandLine\": \"a\"}]", StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p, ReadOptions.as(LogKind.JSON));
    assertThat(r.events()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.where()).isEqualTo("line 1, column 2");
              assertThat(pr.message()).contains("CTRL-CHAR").contains("reading stopped here");
              assertThat(pr.fatal()).isTrue();
            });
  }

  private static final String XML_EVENT =
      "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
          + "<EventID>1</EventID></System><EventData><Data Name=\"CommandLine\">%s</Data>"
          + "</EventData></Event>";

  @Test
  void xmlErrorsCostTheEventTheyAreInAndReadingGoesOnAtTheNextEvent() throws Exception {
    Path p = dir.resolve("damaged.xml");
    Files.writeString(
        p,
        String.join(
            "\n",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<Events>",
            String.format(XML_EVENT, "one"),
            String.format(XML_EVENT, "broken").replace("</EventData>", ""),
            "<!-- a comment that mentions <Event> -->",
            String.format(XML_EVENT, "two"),
            String.format(XML_EVENT, "bad & amp"),
            String.format(XML_EVENT, "three"),
            "</Events>",
            ""),
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events())
        .extracting(e -> e.get("CommandLine"))
        .containsExactly("one", "two", "three");
    assertThat(r.problems()).hasSize(2).allSatisfy(pr -> assertThat(pr.fatal()).isFalse());
    assertThat(r.problems().get(0).where()).startsWith("line 4, column ");
    assertThat(r.problems().get(0).message())
        .contains("after record 1")
        .contains("next <Event> (line 6)");
    assertThat(r.problems().get(1).where()).startsWith("line 7, column ");
    assertThat(r.problems().get(1).message()).contains("next <Event> (line 8)");
  }

  @Test
  void readingOnAfterXmlErrorsLeavesNoFileOpen() throws Exception {
    Path fds = Path.of("/proc/self/fd");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "Linux /proc");
    Path p = dir.resolve("errors.xml");
    StringBuilder text = new StringBuilder("<Events>\n");
    for (int i = 0; i < 5; i++) {
      text.append(String.format(XML_EVENT, "good")).append('\n');
      text.append(String.format(XML_EVENT, "bad & ")).append('\n');
    }
    Files.writeString(p, text.append("</Events>\n"), StandardCharsets.UTF_8);
    long before;
    try (var s = Files.list(fds)) {
      before = s.count();
    }
    for (int i = 0; i < 40; i++) {
      ExportFormatsTest.Read r = read(p);
      assertThat(r.events()).hasSize(5);
      assertThat(r.problems()).hasSize(5);
    }
    long after;
    try (var s = Files.list(fds)) {
      after = s.count();
    }
    assertThat(after - before).isLessThan(20);
  }

  @Test
  void onOneLineTheColumnOfAnXmlErrorIsThatOfTheFile() throws Exception {
    String bad = String.format(XML_EVENT, "x & y");
    String line =
        "<?xml version=\"1.0\"?><Events>"
            + String.format(XML_EVENT, "one")
            + bad
            + String.format(XML_EVENT, "two")
            + "</Events>";
    Path p = dir.resolve("oneline.xml");
    Files.writeString(p, line, StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).extracting(e -> e.get("CommandLine")).containsExactly("one", "two");
    int amp = line.indexOf(" & ") + 2; // 1-based column of '&'
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              int column = Integer.parseInt(pr.where().replaceAll(".*column ", ""));
              assertThat(column).isBetween(amp, amp + 2);
            });
  }

  @Test
  void eventsOfOneDocumentPerLineSurviveABrokenOne() throws Exception {
    Path p = dir.resolve("toxml.xml");
    Files.writeString(
        p,
        String.join(
            "\n",
            "<?xml version=\"1.0\"?>" + String.format(XML_EVENT, "first"),
            "<?xml version=\"1.0\"?>" + String.format(XML_EVENT, "<broken"),
            "<?xml version=\"1.0\"?>" + String.format(XML_EVENT, "third"),
            ""),
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).extracting(e -> e.get("CommandLine")).containsExactly("first", "third");
    assertThat(r.problems())
        .singleElement()
        .satisfies(pr -> assertThat(pr.where()).startsWith("line 2,"));
  }

  @Test
  void anXmlErrorAfterTheLastEventStopsReadingThere() throws Exception {
    Path p = dir.resolve("tail.xml");
    Files.writeString(
        p,
        "<Events>" + String.format(XML_EVENT, "only") + "</Events>\n</Extra>\n",
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).extracting(e -> e.get("CommandLine")).containsExactly("only");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.where()).startsWith("line 2,");
              assertThat(pr.message()).contains("no <Event> follows it");
            });
  }

  @Test
  void anInvalidJsonLineIsReportedWithItsLineAndReadingGoesOn() throws Exception {
    Path p = dir.resolve("h.jsonl");
    List<String> lines = Files.readAllLines(fixture("hayabusa-timeline.jsonl"));
    Files.write(
        p,
        List.of(lines.get(0), "{\"Timestamp\": \"2026\", \"Details\": {oops}}", lines.get(1)),
        StandardCharsets.UTF_8);
    ExportFormatsTest.Read r = read(p);
    assertThat(r.events()).hasSize(2);
    assertThat(r.get(2).get("CommandLine"))
        .isEqualTo("powershell -c Get-Command Export-PfxCertificate");
    assertThat(r.get(2).record()).isEqualTo(2);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.where()).startsWith("line 2, column ");
              assertThat(pr.fatal()).isFalse();
              assertThat(pr.describe()).contains("h.jsonl").contains("invalid JSON");
            });
  }

  @Test
  void aMissingOrEmptyPayloadFallsBackToTheMapColumnsWithoutAProblem() throws Exception {
    Path p = dir.resolve("ec.csv");
    Files.writeString(
        p,
        "RecordNumber,EventRecordId,TimeCreated,EventId,Provider,Channel,MapDescription,ExecutableInfo,Payload\n"
            + "1,10,2026-11-20 09:00:00,1,Microsoft-Windows-Sysmon,Microsoft-Windows-Sysmon/Operational,Process creation,a.exe x,\n"
            + "2,11,2026-11-20 09:00:01,1,Microsoft-Windows-Sysmon,Microsoft-Windows-Sysmon/Operational,Process creation,b.exe y\n");
    ExportFormatsTest.Read r = read(p);
    assertThat(r.format()).isEqualTo("EvtxECmd CSV");
    assertThat(r.events()).hasSize(2);
    assertThat(r.get(1).get("CommandLine")).isEqualTo("a.exe x");
    assertThat(r.get(2).get("CommandLine")).isEqualTo("b.exe y");
    assertThat(r.get(2).get("Image")).isNull();
    assertThat(r.get(2).get("EventID")).isEqualTo("1");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void unknownMessageLabelsGiveNoFieldsAndNoError() {
    assertThat(MessageFields.parse("Sysmon", null, "1", "Prozess erstellt:\r\nBefehlszeile: x"))
        .isEmpty();
    assertThat(MessageFields.parse("Sysmon", null, "1", "")).isEmpty();
    assertThat(MessageFields.parse("Some-Provider", null, "1", "CommandLine: x")).isEmpty();
    assertThat(
            MessageFields.parse(
                "Microsoft-Windows-Security-Auditing", null, "4624", "Process Command Line:\tx"))
        .isEmpty();
    assertThat(MessageFields.parse("Sysmon", null, "1", "Process Create:\r\nCommandLine:"))
        .containsEntry("CommandLine", "");
  }

  @Test
  void aScriptBlockMessageGivesTheScriptText() {
    String message =
        "Creating Scriptblock text (1 of 1):\r\n$c = Get-Item Cert:\\x\r\n\r\nExport-PfxCertificate -Cert $c\r\n\r\n"
            + "ScriptBlock ID: 6d8e0d1a-1c2b-4d5e-8f90-123456789abc\r\nPath: C:\\s.ps1";
    assertThat(MessageFields.parse("Microsoft-Windows-PowerShell", null, "4104", message))
        .containsEntry(
            "ScriptBlockText", "$c = Get-Item Cert:\\x\r\n\r\nExport-PfxCertificate -Cert $c")
        .containsEntry("ScriptBlockId", "6d8e0d1a-1c2b-4d5e-8f90-123456789abc")
        .containsEntry("Path", "C:\\s.ps1");
  }

  @Test
  void excelSepLineSetsTheDelimiter() throws Exception {
    Path p = dir.resolve("sep.csv");
    Files.writeString(p, "sep=;\r\nImage;CommandLine\r\nx.exe;a, b\r\ny.exe;c; d\r\n");
    ExportFormatsTest.Read r = read(p);
    assertThat(r.get(1).get("CommandLine")).isEqualTo("a, b");
    assertThat(r.get(2).get("CommandLine")).isEqualTo("c; d");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.where()).isEqualTo("record 2, line 4");
              assertThat(pr.message()).contains("3 fields").contains("kept in the last column");
            });
  }
}
