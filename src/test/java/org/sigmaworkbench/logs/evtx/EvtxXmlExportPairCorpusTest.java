package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.detect.LogReaders;

/**
 * The same process-creation event read from the .evtx and exported as Windows event XML gives the
 * same fields, the same layout and the same Sigma field values. The XML of each Sysmon 1 and
 * Security 4688 record of the corpus is libevtx's export turned into Windows' own rendering (seven
 * fractional digits in SystemTime, HexInt values without zero padding), read with the event-XML
 * reader through {@link LogReaders}.
 */
class EvtxXmlExportPairCorpusTest {

  private static final Pattern EVENT = Pattern.compile("(?s)<Event .*?</Event>");
  private static final Pattern SYSTEM_TIME =
      Pattern.compile("SystemTime=\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7})00Z\"");
  private static final Pattern PADDED_HEX = Pattern.compile(">0x0*([0-9a-f]+)<");

  private static final List<String> SIGMA_FIELDS =
      List.of(
          "Image",
          "CommandLine",
          "ParentImage",
          "ParentCommandLine",
          "User",
          "ProcessId",
          "ParentProcessId",
          "IntegrityLevel",
          "CurrentDirectory",
          "OriginalFileName",
          "Hashes",
          "LogonId",
          "EventID",
          "Channel",
          "Computer");

  @TempDir Path tmp;

  /** libevtx's rendering of one event turned into Windows' rendering. */
  static String windowsXml(String libevtx) {
    String s = SYSTEM_TIME.matcher(libevtx).replaceAll("SystemTime=\"$1Z\"");
    return PADDED_HEX.matcher(s).replaceAll(">0x$1<");
  }

  @Test
  void processCreationEventsGiveTheSameFieldsFromEvtxAndFromXml() throws Exception {
    Path evtxDir = TestFiles.corpus("evtx");
    Path libevtx = TestFiles.corpus("evtx-ref").resolve("libevtx");
    int sysmon = 0;
    int security = 0;
    for (Path file : EvtxReferenceCorpusTest.files()) {
      Map<String, Event> ours = new HashMap<>();
      try (EventStream s = LogReaders.open(file)) {
        Event e;
        while ((e = s.next()) != null) {
          ours.put(e.get("EventRecordID") + "|" + e.get("TimeCreated_SystemTime"), e);
        }
      }
      String dump;
      Path gz = libevtx.resolve(file.getFileName().toString().replace(".evtx", ".xml.gz"));
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
        dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher m = EVENT.matcher(dump);
      while (m.find()) {
        String one = m.group();
        boolean sysmon1 =
            one.contains("<EventID>1</EventID>") && one.contains("Sysmon/Operational</Channel>");
        boolean s4688 = one.contains(">4688</EventID>") && one.contains("<Channel>Security<");
        if (!sysmon1 && !s4688) {
          continue;
        }
        Path xml = tmp.resolve("one.xml");
        Files.writeString(xml, windowsXml(one), StandardCharsets.UTF_8);
        Event fromXml;
        try (EventStream s = LogReaders.open(xml, LogFormat.XML)) {
          fromXml = s.next();
        }
        String key = fromXml.get("EventRecordID") + "|" + fromXml.get("TimeCreated_SystemTime");
        Event fromEvtx = ours.get(key);
        assertThat(fromEvtx).as("%s record %s", file.getFileName(), key).isNotNull();
        assertThat(fromEvtx.fields())
            .as("%s record %s", file.getFileName(), key)
            .isEqualTo(fromXml.fields());
        assertThat(fromEvtx.schema().layout()).isEqualTo(fromXml.schema().layout());
        assertThat(fromEvtx.schema().layout().category()).isEqualTo("process_creation");
        for (String f : SIGMA_FIELDS) {
          assertThat(fromEvtx.get(f)).as("%s of %s", f, key).isEqualTo(fromXml.get(f));
        }
        if (sysmon1) {
          sysmon++;
        } else {
          security++;
        }
      }
    }
    assertThat(evtxDir).isDirectory();
    // All of the corpus's 1106 Sysmon 1 and 847 Security 4688 events (evtx-ref/summary.json).
    assertThat(sysmon).isEqualTo(1106);
    assertThat(security).isEqualTo(847);
  }
}
