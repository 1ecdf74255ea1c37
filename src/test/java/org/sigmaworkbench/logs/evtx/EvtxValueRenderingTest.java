package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.evtx.EvtxWriter.Value;

/**
 * Every substitution value type, written into a template instance and read back, renders as Windows
 * renders it in event XML.
 */
class EvtxValueRenderingTest {

  @TempDir Path dir;

  /**
   * One event of a template {@code <Event><System><EventID>%0</EventID><Channel>%1</Channel>
   * </System><EventData><Data Name="V2">%2</Data>...</EventData></Event>}.
   */
  private Event event(Value... data) throws Exception {
    Value[] all = new Value[data.length + 2];
    all[0] = Value.le(ValueType.UINT16, 4688, 2);
    all[1] = Value.string("Security");
    System.arraycopy(data, 0, all, 2, data.length);
    int[] def = new int[1];
    byte[] file =
        new EvtxWriter()
            .chunk(
                c ->
                    c.record(
                        1,
                        r ->
                            r.fragmentHeader()
                                .templateInstance(
                                    def,
                                    t -> {
                                      t.open("Event", false).closeStart();
                                      t.open("System", false).closeStart();
                                      t.substElement("EventID", 0, ValueType.UINT16, true);
                                      t.substElement("Channel", 1, ValueType.STRING, true);
                                      t.end();
                                      t.open("EventData", false).closeStart();
                                      for (int i = 2; i < all.length; i++) {
                                        t.open("Data", true)
                                            .attribute("Name", false)
                                            .text("V" + i)
                                            .closeStart()
                                            .subst(i, all[i].type(), false)
                                            .end();
                                      }
                                      t.end();
                                      t.end();
                                    },
                                    all)
                                .eof()))
            .bytes();
    List<Event> events = read(file);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private List<Event> read(byte[] file) throws Exception {
    Path p = dir.resolve("t.evtx");
    Files.write(p, file);
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

  private static byte[] le(int size, long v) {
    return Value.le(0, v, size).bytes();
  }

  @Test
  void integersInDecimalWithTheirSign() throws Exception {
    Event e =
        event(
            Value.of(ValueType.INT8, (byte) 0xFF),
            Value.of(ValueType.UINT8, (byte) 0xFF),
            new Value(ValueType.INT16, le(2, -2)),
            new Value(ValueType.UINT16, le(2, 65535)),
            new Value(ValueType.INT32, le(4, -5)),
            new Value(ValueType.UINT32, le(4, 0xFFFF_FFFFL)),
            new Value(ValueType.INT64, le(8, -1)),
            new Value(ValueType.UINT64, le(8, -1)));
    assertThat(e.get("V2")).isEqualTo("-1");
    assertThat(e.get("V3")).isEqualTo("255");
    assertThat(e.get("V4")).isEqualTo("-2");
    assertThat(e.get("V5")).isEqualTo("65535");
    assertThat(e.get("V6")).isEqualTo("-5");
    assertThat(e.get("V7")).isEqualTo("4294967295");
    assertThat(e.get("V8")).isEqualTo("-1");
    assertThat(e.get("V9")).isEqualTo("18446744073709551615");
    assertThat(e.get("EventID")).isEqualTo("4688");
  }

  @Test
  void hexIntegersWithoutZeroPaddingAndSizeTAsHex() throws Exception {
    Event e =
        event(
            new Value(ValueType.HEX_INT32, le(4, 0x3e7)),
            new Value(ValueType.HEX_INT64, le(8, 0x8000000000000000L)),
            new Value(ValueType.HEX_INT64, le(8, 0)),
            new Value(ValueType.SIZE_T, le(4, 0x1F)),
            new Value(ValueType.SIZE_T, le(8, 0x7FF6_1234_0000L)));
    assertThat(e.get("V2")).isEqualTo("0x3e7");
    assertThat(e.get("V3")).isEqualTo("0x8000000000000000");
    assertThat(e.get("V4")).isEqualTo("0x0");
    assertThat(e.get("V5")).isEqualTo("0x1f");
    assertThat(e.get("V6")).isEqualTo("0x7ff612340000");
  }

  @Test
  void guidsUpperCaseInBracesBinaryAsUpperHexSids() throws Exception {
    byte[] guid = {
      0x5f,
      0x38,
      0x70,
      0x57,
      0x2a,
      (byte) 0xc2,
      (byte) 0xe0,
      0x43,
      (byte) 0xbf,
      0x4c,
      0x06,
      (byte) 0xf5,
      0x69,
      (byte) 0x8f,
      (byte) 0xfb,
      (byte) 0xd9
    };
    byte[] sid =
        ByteBuffer.allocate(24)
            .order(ByteOrder.LITTLE_ENDIAN)
            .put((byte) 1)
            .put((byte) 4)
            .put(new byte[] {0, 0, 0, 0, 0, 5})
            .putInt(21)
            .putInt(186559946)
            .putInt((int) 3925841745L)
            .putInt(500)
            .array();
    Event e =
        event(
            new Value(ValueType.GUID, guid),
            Value.of(ValueType.BINARY, (byte) 0x0a, (byte) 0xff, (byte) 0x00),
            new Value(ValueType.SID, sid),
            Value.of(
                ValueType.SID,
                (byte) 1,
                (byte) 1,
                (byte) 0,
                (byte) 0,
                (byte) 0,
                (byte) 0,
                (byte) 0,
                (byte) 5,
                (byte) 18,
                (byte) 0,
                (byte) 0,
                (byte) 0));
    assertThat(e.get("V2")).isEqualTo("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    assertThat(e.get("V3")).isEqualTo("0AFF00");
    assertThat(e.get("V4")).isEqualTo("S-1-5-21-186559946-3925841745-500");
    assertThat(e.get("V5")).isEqualTo("S-1-5-18");
  }

  @Test
  void fileTimesToTheHundredNanosecondAndSystemTimes() throws Exception {
    Instant t = Instant.parse("2022-10-11T19:26:52.0456558Z");
    long ticks = (t.getEpochSecond() + 11_644_473_600L) * 10_000_000L + t.getNano() / 100;
    byte[] st =
        ByteBuffer.allocate(16)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short) 2016)
            .putShort((short) 7)
            .putShort((short) 5)
            .putShort((short) 8)
            .putShort((short) 18)
            .putShort((short) 2)
            .putShort((short) 51)
            .putShort((short) 681)
            .array();
    Event e =
        event(
            new Value(ValueType.FILETIME, le(8, ticks)),
            new Value(ValueType.FILETIME, le(8, 0)),
            new Value(ValueType.SYSTEMTIME, st));
    assertThat(e.get("V2")).isEqualTo("2022-10-11T19:26:52.0456558Z");
    assertThat(e.get("V3")).isEqualTo("1601-01-01T00:00:00.0000000Z");
    assertThat(e.get("V4")).isEqualTo("2016-07-08T18:02:51.6810000Z");
  }

  @Test
  void stringsLoseTheirTerminatorAnsiStringsAreWindows1252() throws Exception {
    Event e =
        event(
            Value.string("C:\\Windows\\system32\\cmd.exe /c \"x\""),
            new Value(
                ValueType.ANSI_STRING, "caf\u00e9 \u00a6\0".getBytes(StandardCharsets.ISO_8859_1)),
            new Value(ValueType.STRING, "no terminator".getBytes(StandardCharsets.UTF_16LE)),
            new Value(ValueType.EVT_XML, "<x/>".getBytes(StandardCharsets.UTF_16LE)),
            Value.of(ValueType.BOOL, (byte) 1, (byte) 0, (byte) 0, (byte) 0),
            Value.of(ValueType.BOOL, (byte) 0, (byte) 0, (byte) 0, (byte) 0));
    assertThat(e.get("V2")).isEqualTo("C:\\Windows\\system32\\cmd.exe /c \"x\"");
    assertThat(e.get("V3")).isEqualTo("café ¦");
    assertThat(e.get("V4")).isEqualTo("no terminator");
    assertThat(e.get("V5")).isEqualTo("<x/>");
    assertThat(e.get("V6")).isEqualTo("true");
    assertThat(e.get("V7")).isEqualTo("false");
  }

  @Test
  void reals() throws Exception {
    Event e =
        event(
            new Value(ValueType.REAL32, le(4, Float.floatToIntBits(1.5f))),
            new Value(ValueType.REAL64, le(8, Double.doubleToLongBits(-0.25))),
            new Value(ValueType.REAL64, le(8, Double.doubleToLongBits(3.0))));
    assertThat(e.get("V2")).isEqualTo("1.5");
    assertThat(e.get("V3")).isEqualTo("-0.25");
    assertThat(e.get("V4")).isEqualTo("3");
  }

  @Test
  void aNullValueInANormalSubstitutionIsAnEmptyField() throws Exception {
    Event e = event(Value.nul(), Value.string(""));
    assertThat(e.get("V2")).isEqualTo("");
    assertThat(e.get("V3")).isEqualTo("");
  }

  @Test
  void arraysRepeatTheirElementOncePerItem() throws Exception {
    Value strings =
        new Value(
            ValueType.ARRAY | ValueType.STRING, "a\0\0b\0".getBytes(StandardCharsets.UTF_16LE));
    Value shorts = new Value(ValueType.ARRAY | ValueType.UINT16, new byte[] {1, 0, 2, 0});
    Value empty = new Value(ValueType.ARRAY | ValueType.STRING, new byte[0]);
    Event e = event(strings, shorts, empty);
    // <Data Name="V2">a</Data><Data Name="V2"></Data><Data Name="V2">b</Data>: the XML reader
    // keeps the first of a name.
    assertThat(e.get("V2")).isEqualTo("a");
    assertThat(e.get("V3")).isEqualTo("1");
    assertThat(e.get("V4")).isEqualTo("");
    assertThat(e.schema().names()).containsOnlyOnce("V2");
    assertThat(
            ValueRenderer.items(
                strings.bytes(), 0, strings.bytes().length, ValueType.ARRAY | ValueType.STRING))
        .containsExactly("a", "", "b");
    assertThat(
            ValueRenderer.items(
                new byte[] {1, 0, 0, 0, 2, 0, 0, 0}, 0, 8, ValueType.ARRAY | ValueType.HEX_INT32))
        .containsExactly("0x1", "0x2");
  }

  @Test
  void aValueOfTheWrongSizeCostsItsRecordWithAProblem() throws Exception {
    int[] def = new int[1];
    byte[] file =
        new EvtxWriter()
            .chunk(
                c ->
                    c.record(
                            7,
                            r ->
                                r.fragmentHeader()
                                    .templateInstance(
                                        def,
                                        t ->
                                            t.open("Event", false)
                                                .closeStart()
                                                .open("System", false)
                                                .closeStart()
                                                .substElement("EventID", 0, ValueType.UINT16, false)
                                                .end()
                                                .end(),
                                        Value.of(ValueType.UINT32, (byte) 1, (byte) 2, (byte) 3))
                                    .eof())
                        .record(
                            8,
                            r ->
                                r.fragmentHeader()
                                    .templateInstance(
                                        def[0], new Value(ValueType.UINT16, le(2, 4624)))
                                    .eof()))
            .bytes();
    Path p = dir.resolve("bad.evtx");
    Files.write(p, file);
    try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 1)) {
      Event e = r.next();
      assertThat(e).as("%s", r.problems()).isNotNull();
      assertThat(e.get("EventID")).isEqualTo("4624");
      assertThat(r.next()).isNull();
      assertThat(r.problems()).hasSize(1);
      assertThat(r.problems().get(0).where()).isEqualTo("chunk 0 at byte offset 0x1000, record 7");
      assertThat(r.problems().get(0).message())
          .contains("UInt32 value of 3 bytes, expected 4")
          .contains("record at byte offset 0x1200");
    }
  }

  @Test
  void fieldMapsKeepDocumentOrder() throws Exception {
    Event e = event(Value.string("x"));
    assertThat(Map.copyOf(e.fields())).containsEntry("Channel", "Security");
    assertThat(e.schema().names()).containsExactly("EventID", "Channel", "V2");
  }
}
