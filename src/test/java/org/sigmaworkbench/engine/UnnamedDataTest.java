package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The unnamed {@code <Data>} of an event are all values of the field {@code Data}, and a comparison
 * on {@code Data} holds when it holds on any of them; a field the event's data and its System part
 * both name reads the data's.
 */
class UnnamedDataTest {

  @TempDir Path dir;

  private static final String NS = "http://schemas.microsoft.com/win/2004/08/events/event";

  private static CompiledRule rule(String logsource, String detection, String condition) {
    String text =
        "title: t\nlogsource:\n"
            + logsource.indent(2)
            + "detection:\n"
            + detection.indent(2)
            + "  condition: "
            + condition
            + "\n";
    return CompiledRule.compile(new RuleLoader().load(text, "t.yml").firstRule().orElseThrow());
  }

  private List<Event> read(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    List<Event> out = new ArrayList<>();
    LogResult r = OneLog.run(p, List.of(), (e, h) -> out.add(e));
    assertThat(r.error()).isNull();
    return out;
  }

  /** An Application event of ESENT with unnamed data, as Windows writes it. */
  private static String esentXml(String... data) {
    StringBuilder b = new StringBuilder("<Events><Event xmlns='" + NS + "'><System>");
    b.append("<Provider Name='ESENT'/><EventID Qualifiers='0'>325</EventID><Version>0</Version>");
    b.append("<Channel>Application</Channel><Computer>dc1</Computer></System><EventData>");
    for (String d : data) {
      b.append("<Data>").append(d).append("</Data>");
    }
    return b.append("</EventData></Event></Events>").toString();
  }

  private static final String APPLICATION = "product: windows\nservice: application";

  @Test
  void aComparisonOnDataHoldsOnAnyUnnamedValueAndItsSpanPointsThere() throws IOException {
    Event e =
        read("esent.xml", esentXml("NTDS", "1234", "C:\\$SNAP_x\\Windows\\NTDS\\ntds.dit", "0"))
            .get(0);
    assertThat(e.values(e.schema().columnSlot("Data")))
        .containsExactly("NTDS", "1234", "C:\\$SNAP_x\\Windows\\NTDS\\ntds.dit", "0");
    CompiledRule r =
        rule(APPLICATION, "sel:\n  Provider_Name: ESENT\n  Data|contains: '\\ntds.dit'", "sel");
    assertThat(r.appliesTo(e)).isTrue();
    assertThat(r.matches(e)).isTrue();
    Explanation x = r.explain(e);
    MatchSpan span =
        x.spans().stream().filter(s -> s.field().equals("Data")).findFirst().orElseThrow();
    assertThat(span.occurrence()).isEqualTo(2);
    String matched = e.values(e.schema().columnSlot("Data")).get(span.occurrence());
    assertThat(matched.substring(span.start(), span.end())).isEqualToIgnoringCase("\\ntds.dit");

    // Every kind of comparison looks at each value.
    assertThat(rule(APPLICATION, "sel:\n  Data: '1234'", "sel").matches(e)).isTrue();
    assertThat(rule(APPLICATION, "sel:\n  Data|endswith: 'ntds.dit'", "sel").matches(e)).isTrue();
    assertThat(rule(APPLICATION, "sel:\n  Data|re: '^\\d+$'", "sel").matches(e)).isTrue();
    assertThat(rule(APPLICATION, "sel:\n  Data: 'nothing'", "sel").matches(e)).isFalse();
    // Many contains on one field are scanned in one pass: still over every value.
    assertThat(
            rule(
                    APPLICATION,
                    "sel:\n  Data|contains:\n    - 'zzz'\n    - 'SNAP_'\n    - 'yyy'",
                    "sel")
                .matches(e))
        .isTrue();
  }

  @Test
  void aFilterOnDataExcludesTheEventWhenAnyValueHolds() throws IOException {
    // MSSQL 18456: the client address is the third unnamed value.
    String xml =
        "<Events><Event xmlns='"
            + NS
            + "'><System><Provider Name='MSSQLSERVER'/><EventID Qualifiers='49152'>18456</EventID>"
            + "<Channel>Application</Channel></System><EventData><Data>sa</Data>"
            + "<Data> Reason: Password did not match.</Data><Data> [CLIENT: %s]</Data>"
            + "</EventData></Event></Events>";
    String detection =
        "selection:\n  Provider_Name|contains: MSSQL\n  EventID: 18456\n"
            + "filter:\n  Data|contains:\n    - 'CLIENT: 10.'\n    - 'CLIENT: 192.168.'\n";
    CompiledRule r = rule(APPLICATION, detection, "selection and not filter");
    assertThat(r.matches(read("internal.xml", String.format(xml, "10.0.0.5")).get(0))).isFalse();
    assertThat(r.matches(read("external.xml", String.format(xml, "203.0.113.9")).get(0))).isTrue();
  }

  @Test
  void aFieldOfTheEventDataIsReadBeforeTheSystemFieldOfTheSameName() throws IOException {
    // Sysmon 4: System Version 3, EventData Version 15.0.
    String xml =
        "<Events><Event xmlns='"
            + NS
            + "'><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>4</EventID>"
            + "<Version>3</Version><Channel>Microsoft-Windows-Sysmon/Operational</Channel>"
            + "<Computer>ws1</Computer></System><EventData><Data Name='UtcTime'>2024-01-01</Data>"
            + "<Data Name='State'>Started</Data><Data Name='Version'>15.0</Data>"
            + "<Data Name='SchemaVersion'>4.90</Data></EventData></Event></Events>";
    Event e = read("sysmon4.xml", xml).get(0);
    assertThat(e.get("Version")).isEqualTo("15.0");
    assertThat(e.get("Computer")).isEqualTo("ws1");
    assertThat(e.schema().layout().source().categories()).containsExactly("sysmon_status");
    CompiledRule r =
        rule("product: windows\ncategory: sysmon_status", "sel:\n  Version: '15.0'", "sel");
    assertThat(r.matches(e)).isTrue();
    assertThat(rule("product: windows", "sel:\n  Version: '3'", "sel").matches(e)).isFalse();
  }

  @Test
  void userDataNamingTheChannelKeepsTheEventWhereItsSystemChannelPutsIt() throws IOException {
    // System 104: "the Sysmon log was cleared"; the cleared channel is in UserData.
    String xml =
        "<Events><Event xmlns='"
            + NS
            + "'><System><Provider Name='Microsoft-Windows-Eventlog'/><EventID>104</EventID>"
            + "<Channel>System</Channel></System><UserData><LogFileCleared>"
            + "<SubjectUserName>admin</SubjectUserName>"
            + "<Channel>Microsoft-Windows-Sysmon/Operational</Channel>"
            + "</LogFileCleared></UserData></Event></Events>";
    Event e = read("cleared.xml", xml).get(0);
    assertThat(e.schema().layout().source().service()).isEqualTo("system");
    assertThat(e.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    CompiledRule r =
        rule(
            "product: windows\nservice: system",
            "sel:\n  EventID: 104\n  Channel: Microsoft-Windows-Sysmon/Operational",
            "sel");
    assertThat(r.appliesTo(e)).isTrue();
    assertThat(r.matches(e)).isTrue();
  }

  @Test
  void evtxDumpJsonListsOfUnnamedDataAreValuesOfData() throws IOException {
    String json =
        "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"ESENT\"}},"
            + "\"EventID\":325,\"Version\":0,\"Channel\":\"Application\"},"
            + "\"EventData\":{\"Data\":{\"#text\":[\"NTDS\",\"C:\\\\x\\\\ntds.dit\"]},"
            + "\"Binary\":null}}}\n"
            + "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"ESENT\"}},"
            + "\"EventID\":326,\"Version\":1,\"Channel\":\"Application\"},"
            + "\"EventData\":{\"Data\":[\"lsass\",\"C:\\\\y\\\\ntds.dit\"],\"Version\":\"7\"}}}\n";
    List<Event> events = read("dump.jsonl", json);
    assertThat(events).hasSize(2);
    CompiledRule r = rule(APPLICATION, "sel:\n  Data|endswith: 'ntds.dit'", "sel");
    for (Event e : events) {
      assertThat(e.values(e.schema().columnSlot("Data"))).hasSize(2);
      assertThat(r.matches(e)).as(e.toString()).isTrue();
    }
    assertThat(events.get(1).get("Version")).isEqualTo("7");
    assertThat(events.get(0).get("Version")).isEqualTo("0");
    assertThat(events.get(1).schema().layout().source().service()).isEqualTo("application");
  }

  @Test
  void aLogAnalyticsEventDataColumnKeepsEveryUnnamedValue() throws IOException {
    String csv =
        "TimeGenerated,Computer,EventLog,Source,EventID,EventData\n"
            + "2024-01-01,dc1,Application,ESENT,325,\"<DataItem><EventData><Data>NTDS</Data>"
            + "<Data>C:\\x\\ntds.dit</Data><Data>0</Data></EventData></DataItem>\"\n";
    Event e = read("event-table.csv", csv).get(0);
    assertThat(e.values(e.schema().columnSlot("Data")))
        .containsExactly("NTDS", "C:\\x\\ntds.dit", "0");
    assertThat(rule(APPLICATION, "sel:\n  Data|contains: ntds.dit", "sel").matches(e)).isTrue();
    assertThat(e.fieldValues().get("Data")).hasSize(3);
    assertThat(e.fields().get("Data")).isEqualTo("NTDS");
  }

  @Test
  void aKeywordAndAFieldReferenceSeeEveryValue() throws IOException {
    Event e = read("esent2.xml", esentXml("a", "b", "secret-b")).get(0);
    assertThat(rule(APPLICATION, "kw:\n  - 'secret-b'", "kw").matches(e)).isTrue();
    assertThat(rule(APPLICATION, "sel:\n  Computer|fieldref: Data", "sel").matches(e)).isFalse();
    Event same = read("esent3.xml", esentXml("x", "dc1")).get(0);
    assertThat(rule(APPLICATION, "sel:\n  Computer|fieldref: Data", "sel").matches(same)).isTrue();
  }
}
