package org.sigmaworkbench.logs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.LogFormatException;

class LogReadersTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static List<Event> readAll(Path p) throws Exception {
    try (EventStream s = LogReaders.open(p)) {
      List<Event> out = new ArrayList<>();
      Event e;
      while ((e = s.next()) != null) {
        out.add(e);
      }
      return out;
    }
  }

  @Test
  void csvWithQuotesCommasAndLineBreaks() throws Exception {
    Path p = file("a.log", "Image,CommandLine\r\nx.exe,\"a \"\"b\"\", c\r\nd\"\r\ny.exe,plain\r\n");
    List<Event> es = readAll(p);
    assertThat(es).hasSize(2);
    assertThat(es.get(0).get("CommandLine")).isEqualTo("a \"b\", c\r\nd");
    assertThat(es.get(1).record()).isEqualTo(2);
  }

  @Test
  void csvHeaderSuffixesAndBomAreRemovedAndExportColumnsMapToSigmaFields() throws Exception {
    Path p = dir.resolve("export.csv");
    Files.write(
        p,
        ("\uFEFFTimeGenerated [UTC],TargetProcessCommandLine,TargetProcessName,ActingProcessName\n"
                + "\"10/25/2023, 9:43:21.990 AM\",cmd /c x,C:\\x.exe,C:\\p.exe\n")
            .getBytes(StandardCharsets.UTF_8));
    Event e = readAll(p).get(0);
    assertThat(e.schema().names()).first().isEqualTo("TimeGenerated");
    assertThat(e.get("CommandLine")).isEqualTo("cmd /c x");
    assertThat(e.get("ParentImage")).isEqualTo("C:\\p.exe");
    assertThat(e.fields()).containsKey("CommandLine").containsKey("Image");
    assertThat(e.schema().layout().name()).isEqualTo("imProcessCreate");
  }

  @Test
  void utf16CsvWithBomAndPowerShellTypeLine() throws Exception {
    Path p = dir.resolve("ps.csv");
    Files.write(
        p,
        ("\uFEFF#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n\"Id\",\"CommandLine\"\r\n\"1\",\"Jürgen\"\r\n")
            .getBytes(StandardCharsets.UTF_16LE));
    List<Event> es = readAll(p);
    assertThat(es).hasSize(1);
    assertThat(es.get(0).get("CommandLine")).isEqualTo("Jürgen");
  }

  @Test
  void tabSeparated() throws Exception {
    List<Event> es = readAll(file("t.txt", "Image\tCommandLine\nx.exe\ta, b\n"));
    assertThat(es.get(0).get("CommandLine")).isEqualTo("a, b");
  }

  @Test
  void unclosedQuoteIsReportedAndTheTextKept() throws Exception {
    Path p = file("bad.csv", "A,B\n1,\"open\n");
    try (EventStream s = LogReaders.open(p)) {
      Event e = s.next();
      assertThat(e.get("B")).isEqualTo("open\n");
      assertThat(s.problems()).hasSize(1);
      assertThat(s.problems().get(0).where()).contains("line 2");
    }
  }

  @Test
  void xmlWithoutRootAndWithSingleQuotes() throws Exception {
    String ev =
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='P'/><EventID Qualifiers='0'>4688</EventID><Channel>Security</Channel></System><EventData><Data Name='NewProcessName'>C:\\x.exe</Data><Data Name='CommandLine'>a &amp; b</Data></EventData></Event>";
    List<Event> es = readAll(file("w.xml", ev + ev));
    assertThat(es).hasSize(2);
    Event e = es.get(0);
    assertThat(e.get("EventID")).isEqualTo("4688");
    assertThat(e.get("Provider_Name")).isEqualTo("P");
    assertThat(e.get("CommandLine")).isEqualTo("a & b");
    assertThat(e.get("Image")).isEqualTo("C:\\x.exe");
    assertThat(e.get("NewProcessName")).isEqualTo("C:\\x.exe");
  }

  @Test
  void xmlWithDeclarationAndRoot() throws Exception {
    String text =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events><Event><System><EventID>1</EventID></System><EventData><Data Name=\"Image\">i</Data></EventData><RenderingInfo Culture=\"en-US\"><Message>m</Message></RenderingInfo></Event></Events>";
    Event e = readAll(file("r.xml", text)).get(0);
    assertThat(e.get("Image")).isEqualTo("i");
    assertThat(e.get("Message")).isEqualTo("m");
  }

  @Test
  void xmlDtdIsRefused() throws Exception {
    String text =
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Event><EventData><Data Name=\"A\">&e;</Data></EventData></Event>";
    assertThatThrownBy(() -> LogReaders.open(file("dtd.xml", text)))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining("DTD");
    String declared =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\"><Event/>";
    assertThatThrownBy(() -> LogReaders.open(file("dtd2.xml", declared)))
        .hasMessageContaining("DTD");
  }

  @Test
  void jsonLinesWithABadLineKeepsTheOthers() throws Exception {
    Path p =
        file(
            "j.jsonl",
            "{\"CommandLine\":\"a\"}\n{\"CommandLine\": oops}\n{\"CommandLine\":\"c\",\"n\":{\"x\":1}}\n");
    try (EventStream s = LogReaders.open(p)) {
      assertThat(s.next().get("CommandLine")).isEqualTo("a");
      Event third = s.next();
      assertThat(third.get("CommandLine")).isEqualTo("c");
      assertThat(third.get("n.x")).isEqualTo("1");
      assertThat(s.next()).isNull();
      assertThat(s.problems()).hasSize(1);
      assertThat(s.problems().get(0).where()).startsWith("line 2, column ");
    }
  }

  @Test
  void evtxDumpShapeGetsXmlFieldNames() throws Exception {
    String text =
        "Record 1\n{\n  \"Event\": {\n    \"#attributes\": {\"xmlns\": \"x\"},\n    \"System\": {\"Provider\": {\"#attributes\": {\"Name\": \"Microsoft-Windows-Sysmon\"}}, \"EventID\": 1, \"Channel\": \"Microsoft-Windows-Sysmon/Operational\", \"TimeCreated\": {\"#attributes\": {\"SystemTime\": \"2022-10-11T19:26:52.154080Z\"}}},\n    \"EventData\": {\"CommandLine\": \"c\", \"ProcessId\": 12}\n  }\n}\n";
    Event e = readAll(file("d.json", text)).get(0);
    assertThat(e.fields())
        .containsEntry("Provider_Name", "Microsoft-Windows-Sysmon")
        .containsEntry("EventID", "1")
        .containsEntry("TimeCreated_SystemTime", "2022-10-11T19:26:52.154080Z")
        .containsEntry("CommandLine", "c")
        .containsEntry("ProcessId", "12")
        .doesNotContainKey("Event.#attributes.xmlns");
    assertThat(e.schema().layout().category()).isEqualTo("process_creation");
  }

  @Test
  void separateAttributesShape() throws Exception {
    String text =
        "{\"Event_attributes\":{\"xmlns\":\"x\"},\"Event\":{\"System\":{\"Provider_attributes\":{\"Name\":\"P\"},\"EventID\":4688,\"Channel\":\"Security\"},\"EventData\":{\"NewProcessName\":\"n.exe\"}}}\n";
    Event e = readAll(file("s.jsonl", text)).get(0);
    assertThat(e.get("Provider_Name")).isEqualTo("P");
    assertThat(e.get("Image")).isEqualTo("n.exe");
  }

  @Test
  void notALogIsRefusedWithWhatWasExpected() throws Exception {
    Path p = file("notes.txt", "Just some notes\nwithout structure\n");
    assertThatThrownBy(() -> LogReaders.open(p))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining("notes.txt")
        .hasMessageContaining("expected event XML");
    Path bin = dir.resolve("b.bin");
    Files.write(
        bin, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
    assertThatThrownBy(() -> LogReaders.open(bin)).hasMessageContaining("binary");
    assertThatThrownBy(() -> LogReaders.open(dir.resolve("missing.csv")))
        .hasMessageContaining("no such file");
  }

  @Test
  void formatIsDetectedFromContentNotName() throws Exception {
    assertThat(LogReaders.detect(file("x.csv", "{\"a\":1}\n"))).isEqualTo(LogFormat.JSON);
    assertThat(LogReaders.detect(file("y.json", "<Event></Event>"))).isEqualTo(LogFormat.XML);
    assertThat(LogReaders.detect(file("z.xml", "a,b\n1,2\n"))).isEqualTo(LogFormat.CSV);
  }
}
