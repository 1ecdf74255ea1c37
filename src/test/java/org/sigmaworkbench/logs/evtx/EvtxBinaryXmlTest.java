package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.logs.evtx.EvtxWriter.Value;

/**
 * The structure of binary XML: templates and their reuse, optional substitutions, BinXml values
 * holding their own template instances, elements outside templates, references and CDATA, and the
 * field names these give (the same as the event-XML reader gives for the same XML).
 */
class EvtxBinaryXmlTest {

  @TempDir Path dir;

  private List<Event> read(EvtxWriter w) throws Exception {
    Path p = dir.resolve("t.evtx");
    Files.write(p, w.bytes());
    List<Event> out = new ArrayList<>();
    try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 1)) {
      Event e;
      while ((e = r.next()) != null) {
        out.add(e);
      }
      assertThat(r.problems()).isEmpty();
    }
    return out;
  }

  private Event readXml(String xml) throws Exception {
    Path p = dir.resolve("t.xml");
    Files.writeString(p, xml);
    try (EventStream s = LogReaders.open(p, LogFormat.XML)) {
      return s.next();
    }
  }

  /** The System part of a Windows event, with optional substitutions 0-4. */
  private static void system(EvtxWriter.Chunk t) {
    t.open("System", false).closeStart();
    t.open("Provider", true)
        .attribute("Name", true)
        .subst(0, ValueType.STRING, true)
        .attribute("Guid", false)
        .subst(1, ValueType.GUID, true)
        .closeEmpty();
    t.open("EventID", true)
        .attribute("Qualifiers", false)
        .subst(2, ValueType.UINT16, true)
        .closeStart()
        .subst(3, ValueType.UINT16, true)
        .end();
    t.substElement("Channel", 4, ValueType.STRING, true);
    t.open("Correlation", true)
        .attribute("ActivityID", false)
        .subst(5, ValueType.GUID, true)
        .closeEmpty();
    t.end();
  }

  private static Value[] systemValues(String provider, int eventId, String channel, Value... more) {
    Value[] v = new Value[6 + more.length];
    v[0] = Value.string(provider);
    v[1] = Value.nul();
    v[2] = Value.le(ValueType.UINT16, 16384, 2);
    v[3] = Value.le(ValueType.UINT16, eventId, 2);
    v[4] = Value.string(channel);
    v[5] = Value.nul();
    System.arraycopy(more, 0, v, 6, more.length);
    return v;
  }

  private static EvtxWriter oneRecord(Consumer<EvtxWriter.Chunk> body) {
    return new EvtxWriter().chunk(c -> c.record(1, r -> body.accept(r.fragmentHeader())));
  }

  @Test
  void optionalSubstitutionsWithoutValueDropTheirAttributeOrElement() throws Exception {
    int[] def = new int[1];
    Event e =
        read(oneRecord(
                r ->
                    r.templateInstance(
                            def,
                            t -> {
                              t.open("Event", false).closeStart();
                              system(t);
                              t.open("EventData", false).closeStart();
                              t.open("Data", true)
                                  .attribute("Name", false)
                                  .text("Dropped")
                                  .closeStart()
                                  .subst(6, ValueType.STRING, true)
                                  .end();
                              t.open("Data", true)
                                  .attribute("Name", false)
                                  .text("Kept")
                                  .closeStart()
                                  .subst(7, ValueType.STRING, false)
                                  .end();
                              t.end().end();
                            },
                            systemValues("P", 7, "System", Value.nul(), Value.nul()))
                        .eof()))
            .get(0);
    assertThat(EvtxReferenceCorpusTest.raw(e))
        .containsExactly(
            java.util.Map.entry("Provider_Name", "P"),
            java.util.Map.entry("EventID", "7"),
            java.util.Map.entry("Channel", "System"),
            java.util.Map.entry("Kept", ""));
  }

  @Test
  void aBinXmlValueHoldsItsOwnTemplateInstance() throws Exception {
    int[] outer = new int[1];
    int[] inner = new int[1];
    EvtxWriter w =
        new EvtxWriter()
            .chunk(
                c ->
                    c.record(
                            1,
                            r -> {
                              r.fragmentHeader();
                              // The BinXml value's bytes are written by a nested writer call:
                              // build them in place after the outer instance's descriptors.
                              r.templateInstance(
                                  outer,
                                  t -> {
                                    t.open("Event", false).closeStart();
                                    system(t);
                                    t.subst(6, ValueType.BINXML, true);
                                    t.end();
                                  },
                                  systemValues(
                                      "Microsoft-Windows-Eventlog",
                                      1102,
                                      "Security",
                                      new Value(ValueType.BINXML, new byte[0])));
                            })
                        .record(
                            2,
                            r -> {
                              r.fragmentHeader();
                              r.templateInstance(
                                  outer[0],
                                  systemValues(
                                      "Microsoft-Windows-Eventlog",
                                      1102,
                                      "Security",
                                      new Value(ValueType.BINXML, new byte[0])));
                              // The empty BinXml value becomes the nested fragment written next.
                              int start = r.pos;
                              r.lastValueSize(0);
                              int[] outerValues = {r.lastValuesAt};
                              r.fragmentHeader()
                                  .templateInstance(
                                      inner,
                                      t ->
                                          t.open("UserData", false)
                                              .closeStart()
                                              .open("LogFileCleared", false)
                                              .closeStart()
                                              .substElement(
                                                  "SubjectUserName", 0, ValueType.STRING, false)
                                              .substElement(
                                                  "SubjectLogonId", 1, ValueType.HEX_INT64, false)
                                              .end()
                                              .end(),
                                      Value.string("admmig"),
                                      Value.le(ValueType.HEX_INT64, 0x1caf291, 8))
                                  .eof();
                              r.lastValuesAt = outerValues[0];
                              r.lastValueSize(r.pos - start);
                            }));
    List<Event> events = read(w);
    assertThat(events).hasSize(2);
    Event e = events.get(1);
    assertThat(e.get("SubjectUserName")).isEqualTo("admmig");
    assertThat(e.get("SubjectLogonId")).isEqualTo("0x1caf291");
    assertThat(e.get("EventID")).isEqualTo("1102");
    assertThat(events.get(0).schema().names()).doesNotContain("SubjectUserName");

    Event xml =
        readXml(
            "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Microsoft-Windows-Eventlog'/><EventID Qualifiers='16384'>1102"
                + "</EventID><Channel>Security</Channel><Correlation/></System><UserData>"
                + "<LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>"
                + "<SubjectUserName>admmig</SubjectUserName><SubjectLogonId>0x1caf291"
                + "</SubjectLogonId></LogFileCleared></UserData></Event>");
    assertThat(EvtxReferenceCorpusTest.raw(e)).isEqualTo(EvtxReferenceCorpusTest.raw(xml));
  }

  @Test
  void theEventDataIsReadBeforeSystemAndUnnamedDataAreValuesOfOneField() throws Exception {
    Event e =
        read(oneRecord(
                r -> {
                  r.open("Event", false).closeStart();
                  r.open("System", false).closeStart();
                  r.open("EventID", false).closeStart().text("4").end();
                  r.open("Version", false).closeStart().text("3").end();
                  r.open("Channel", false)
                      .closeStart()
                      .text("Microsoft-Windows-Sysmon/Operational");
                  r.end();
                  r.end();
                  r.open("EventData", false).closeStart();
                  r.open("Data", true).attribute("Name", false).text("Version").closeStart();
                  r.text("15.0").end();
                  r.open("Data", true).attribute("Name", false).text("Channel").closeStart();
                  r.text("Security").end();
                  r.open("Data", false).closeStart().text("one").end();
                  r.open("Data", false).closeStart().text("two").end();
                  r.end();
                  r.end().eof();
                }))
            .get(0);
    assertThat(e.get("Version")).isEqualTo("15.0");
    assertThat(e.get("EventID")).isEqualTo("4");
    // The data's Channel is the field; the System one still places the event.
    assertThat(e.get("Channel")).isEqualTo("Security");
    assertThat(e.schema().layout().source().service()).isEqualTo("sysmon");
    assertThat(e.values(e.schema().columnSlot("Data"))).containsExactly("one", "two");
    Event xml =
        readXml(
            "<Event><System><EventID>4</EventID><Version>3</Version>"
                + "<Channel>Microsoft-Windows-Sysmon/Operational</Channel></System><EventData>"
                + "<Data Name='Version'>15.0</Data><Data Name='Channel'>Security</Data>"
                + "<Data>one</Data><Data>two</Data></EventData></Event>");
    assertThat(EvtxReferenceCorpusTest.raw(e)).isEqualTo(EvtxReferenceCorpusTest.raw(xml));
    assertThat(xml.schema().layout().source().service()).isEqualTo("sysmon");
  }

  @Test
  void recordsWithoutTemplatesReferencesAndCdata() throws Exception {
    Event e =
        read(oneRecord(
                r -> {
                  r.open("Event", false).closeStart();
                  r.open("System", false).closeStart();
                  r.open("EventID", false).closeStart().text("4").text("2").end();
                  r.open("Channel", false).closeStart().text(" App ").end();
                  r.end();
                  r.open("EventData", false).closeStart();
                  r.open("Data", false).closeStart().text("a").entityRef("amp").text("b").end();
                  r.open("Data", false).closeStart().charRef('<').cdata("x]y").end();
                  r.open("Data", true).attribute("Name", false).text("N").closeEmpty();
                  r.open("Binary", false).closeStart().end();
                  r.end();
                  r.end().eof();
                }))
            .get(0);
    assertThat(EvtxReferenceCorpusTest.raw(e))
        .containsExactly(
            java.util.Map.entry("EventID", "42"),
            java.util.Map.entry("Channel", "App"),
            java.util.Map.entry("Data", "a&b"),
            java.util.Map.entry("Data2", "<x]y"),
            java.util.Map.entry("N", ""),
            java.util.Map.entry("Binary", ""));
    Event xml =
        readXml(
            "<Event><System><EventID>42</EventID><Channel> App </Channel></System><EventData>"
                + "<Data>a&amp;b</Data><Data>&#60;<![CDATA[x]y]]></Data><Data Name='N'/>"
                + "<Binary></Binary></EventData></Event>");
    assertThat(EvtxReferenceCorpusTest.raw(e)).isEqualTo(EvtxReferenceCorpusTest.raw(xml));
  }

  @Test
  void laterRecordsReuseTheTemplateAndNamesStoredByTheFirst() throws Exception {
    int[] def = new int[1];
    EvtxWriter w =
        new EvtxWriter()
            .chunk(
                c -> {
                  for (int i = 0; i < 3; i++) {
                    int n = i;
                    c.record(
                        10 + i,
                        r -> {
                          r.fragmentHeader();
                          Value[] v =
                              systemValues(
                                  "Microsoft-Windows-Sysmon",
                                  1,
                                  "Microsoft-Windows-Sysmon/Operational",
                                  Value.string("cmd" + n));
                          if (n == 0) {
                            r.templateInstance(
                                def,
                                t -> {
                                  t.open("Event", false).closeStart();
                                  system(t);
                                  t.open("EventData", false).closeStart();
                                  t.open("Data", true)
                                      .attribute("Name", false)
                                      .text("CommandLine")
                                      .closeStart()
                                      .subst(6, ValueType.STRING, false)
                                      .end();
                                  t.end().end();
                                },
                                v);
                          } else {
                            r.templateInstance(def[0], v);
                          }
                          r.eof();
                        });
                  }
                });
    List<Event> events = read(w);
    assertThat(events)
        .extracting(e -> e.get("CommandLine"))
        .containsExactly("cmd0", "cmd1", "cmd2");
    assertThat(events).extracting(Event::record).containsExactly(1L, 2L, 3L);
    assertThat(events.get(1).schema()).isSameAs(events.get(2).schema());
    assertThat(events.get(0).schema().layout().category()).isEqualTo("process_creation");
  }

  @Test
  void elementsInABinXmlValueWithOrWithoutTheDependencyId() throws Exception {
    for (boolean withId : new boolean[] {true, false}) {
      int[] def = new int[1];
      EvtxWriter w =
          new EvtxWriter()
              .chunk(
                  c ->
                      c.record(
                          1,
                          r -> {
                            r.fragmentHeader();
                            r.templateInstance(
                                def,
                                t -> {
                                  t.open("Event", false).closeStart();
                                  system(t);
                                  t.subst(6, ValueType.BINXML, true);
                                  t.end();
                                },
                                systemValues(
                                    "P", 5, "Setup", new Value(ValueType.BINXML, new byte[0])));
                            int start = r.pos;
                            if (withId) {
                              r.open("UserData", false);
                            } else {
                              r.openWithoutDependencyId("UserData", false);
                            }
                            r.closeStart();
                            if (withId) {
                              r.open("Param", false);
                            } else {
                              r.openWithoutDependencyId("Param", false);
                            }
                            r.closeStart().text("value").end().end().eof();
                            r.lastValueSize(r.pos - start);
                          }));
      Event e = read(w).get(0);
      assertThat(e.get("Param")).as("with dependency id: %s", withId).isEqualTo("value");
    }
  }

  @Test
  void aTemplateFromAnEarlierChunkIsReusedOnlyWithTheSameNames() throws Exception {
    // Two chunks whose template definitions are the same bytes; the element name they refer to
    // (stored by the chunk's first record at the same offset) is "Foo" in one, "Bar" in the other.
    EvtxWriter w = new EvtxWriter();
    for (String name : new String[] {"Foo", "Bar", "Foo"}) {
      w.chunk(
          c -> {
            c.record(
                1,
                r -> {
                  r.open("Event", false).closeStart();
                  r.open("System", false).closeStart();
                  r.open(name, false).closeStart().text("first").end();
                  r.end().end().eof();
                });
            int[] def = new int[1];
            c.record(
                2,
                r ->
                    r.fragmentHeader()
                        .templateInstance(
                            def,
                            t -> {
                              t.open("Event", false).closeStart();
                              t.open("System", false).closeStart();
                              t.substElement(name, 0, ValueType.STRING, false);
                              t.end().end();
                            },
                            Value.string("second"))
                        .eof());
          });
    }
    List<Event> events = read(w);
    assertThat(events).hasSize(6);
    assertThat(events.get(1).get("Foo")).isEqualTo("second");
    assertThat(events.get(3).get("Bar")).isEqualTo("second");
    assertThat(events.get(3).schema().names()).containsExactly("Bar");
    assertThat(events.get(5).get("Foo")).isEqualTo("second");
  }
}
