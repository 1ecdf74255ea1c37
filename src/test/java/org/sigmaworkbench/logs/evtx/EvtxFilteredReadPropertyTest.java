package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.sigmaworkbench.engine.ReaderFilters;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.TextFilter;
import org.sigmaworkbench.logs.evtx.EvtxWriter.Value;

/**
 * A read that passes over records by the reader filter gives what a full read gives, over random
 * files made to trip it: text in both cases and with the characters that fold onto ASCII letters
 * (Kelvin sign, long s, dotted capital I), literals split between a template's text and a value,
 * held only in an element's name, in a number, in an ANSI string or across the items of an array,
 * values of a wrong size in chunks whose checksum holds, and chunks whose checksum does not hold.
 * Every event of the full read with a wanted literal in a value is delivered under the same number
 * with the same values; the events delivered and those passed over add up to the full read's; the
 * problems are the same.
 */
class EvtxFilteredReadPropertyTest {

  /** Pieces text is made of: literal parts in several spellings, and others. */
  private static final String[] PIECES = {
    "Export-PfxCertificate ",
    "export-certificate",
    "CERTIFICATE ",
    "certi",
    "ficate",
    " ",
    "\u212Aerberos",
    "Kerberos",
    "Ticket",
    "\u017Fvchost.exe",
    "svchost.exe",
    "\u0130nvoke-Expression",
    "invoke",
    "-Expression",
    "caf\u00e9",
    "CAF\u00c9",
    "C:\\Temp\\x.ps1",
    "\\temp\\",
    "0x3e7",
    "S-1-5-18",
    "Data",
    "Name",
    "{9A1B",
    "4688",
    "a",
    "b",
    ";",
    "&",
    "Z\u00fcrich"
  };

  @Property(tries = 120)
  void aFilteredReadGivesWhatAFullReadGives(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int chunks) throws Exception {
    Random r = new Random(seed);
    EvtxWriter w = new EvtxWriter();
    long[] id = {1};
    for (int c = 0; c < chunks; c++) {
      EvtxWriter.Chunk ch = new EvtxWriter.Chunk();
      records(ch, r, id);
      byte[] slot = ch.finish();
      if (r.nextInt(5) == 0) {
        // A byte changed after the checksum was taken: the chunk is read record by record.
        int at = 512 + r.nextInt(Math.max(1, (int) (Bytes.u32(slot, 48) - 512)));
        slot[at] ^= (byte) (1 + r.nextInt(255));
      }
      w.rawSlot(slot);
    }
    Path file = Files.createTempFile("filtered", ".evtx");
    try {
      Files.write(file, w.bytes());
      Read full = read(file, null);
      for (int k = 0; k < 6; k++) {
        List<String> literals = literals(r, full);
        TextFilter filter = ReaderFilters.needing(literals);
        Read filtered = read(file, filter);
        Statistics.label("records passed over").collect(filtered.passedOver > 0);
        Statistics.label("records delivered").collect(!filtered.events.isEmpty());
        String what = "literals " + literals + ", seed " + seed;
        assertThat(filtered.events.size() + filtered.passedOver)
            .as(what)
            .isEqualTo(full.events.size());
        assertThat(filtered.problems).as(what).isEqualTo(full.problems);
        filtered.events.forEach(
            (n, values) -> assertThat(values).as(what).isEqualTo(full.events.get(n)));
        full.events.forEach(
            (n, values) -> {
              if (values.stream().anyMatch(v -> holds(v, literals))) {
                assertThat(filtered.events.keySet())
                    .as(what + ", event " + n + " " + values)
                    .contains(n);
              }
            });
      }
    } finally {
      Files.deleteIfExists(file);
    }
    Statistics.label("records passed over").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("records delivered").coverage(c -> c.check(true).percentage(p -> p > 20));
  }

  private static boolean holds(String nameAndValue, List<String> literals) {
    String v = ReaderFilters.fold(nameAndValue.substring(nameAndValue.indexOf('=') + 1));
    return literals.stream().anyMatch(l -> v.contains(ReaderFilters.fold(l)));
  }

  /** Literals: pieces of the events' values (in another spelling) or of the pieces, or random. */
  private static List<String> literals(Random r, Read full) {
    List<String> values = new ArrayList<>();
    full.events
        .values()
        .forEach(vs -> vs.forEach(v -> values.add(v.substring(v.indexOf('=') + 1))));
    List<String> out = new ArrayList<>();
    int n = 1 + r.nextInt(r.nextInt(4) == 0 ? 12 : 3);
    for (int i = 0; i < n; i++) {
      String source =
          !values.isEmpty() && r.nextBoolean()
              ? values.get(r.nextInt(values.size()))
              : PIECES[r.nextInt(PIECES.length)] + PIECES[r.nextInt(PIECES.length)];
      if (source.isEmpty()) {
        source = "x";
      }
      int len = 1 + r.nextInt(Math.min(source.length(), r.nextBoolean() ? 6 : 16));
      int from = r.nextInt(source.length() - len + 1);
      out.add(respell(r, source.substring(from, from + len)));
    }
    return out;
  }

  /**
   * The same text with letters in random case and some letters as the characters that fold to them.
   */
  private static String respell(Random r, String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      int x = r.nextInt(8);
      if (c == 'k' && x == 0) {
        b.append('\u212A');
      } else if (c == 's' && x == 0) {
        b.append('\u017F');
      } else if (c == 'i' && x == 0) {
        b.append('\u0130');
      } else {
        b.append(x < 3 ? Character.toUpperCase(c) : x < 6 ? Character.toLowerCase(c) : c);
      }
    }
    return b.toString();
  }

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      b.append(respell(r, PIECES[r.nextInt(PIECES.length)]));
    }
    return b.toString();
  }

  /** Records of a few templates, some of whose text joins a literal and a value. */
  private static void records(EvtxWriter.Chunk c, Random r, long[] id) {
    int[][] defs = new int[4][1];
    String joinText = respell(r, PIECES[r.nextInt(PIECES.length)]);
    String elementName = r.nextBoolean() ? "Certificate" : "Data";
    int n = 1 + r.nextInt(25);
    for (int i = 0; i < n && c.pos < 60_000; i++) {
      int kind = r.nextInt(4);
      long recordId = id[0]++;
      Value[] v = {
        Value.le(ValueType.UINT16, 4688 + r.nextInt(3), 2),
        Value.string("Security"),
        Value.le(ValueType.UINT64, recordId, 8),
        Value.string(text(r)),
        fourth(r),
        Value.string(text(r))
      };
      c.record(
          recordId,
          rec -> {
            rec.fragmentHeader();
            int[] def = defs[kind];
            if (def[0] == 0) {
              rec.templateInstance(def, t -> template(t, kind, joinText, elementName), v);
            } else {
              rec.templateInstance(def[0], v);
            }
            rec.eof();
          });
    }
  }

  /** A value of another kind: a number (sometimes of a wrong size), ANSI text, an array. */
  private static Value fourth(Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> Value.le(ValueType.UINT32, r.nextInt(100_000), r.nextInt(12) == 0 ? 3 : 4);
      case 1 -> Value.le(ValueType.HEX_INT64, r.nextInt(5000), 8);
      case 2 ->
          Value.of(
              ValueType.ANSI_STRING,
              (respell(r, PIECES[r.nextInt(PIECES.length)]) + "\0")
                  .getBytes(java.nio.charset.Charset.forName("windows-1252")));
      case 3 ->
          new Value(
              ValueType.STRING | ValueType.ARRAY,
              (text(r) + "\0" + text(r) + "\0").getBytes(StandardCharsets.UTF_16LE));
      case 4 -> Value.of(ValueType.BOOL, (byte) r.nextInt(2), (byte) 0, (byte) 0, (byte) 0);
      case 5 -> Value.nul();
      default -> Value.string(text(r));
    };
  }

  private static void template(EvtxWriter.Chunk t, int kind, String joinText, String name) {
    t.open("Event", false).closeStart();
    t.open("System", false).closeStart();
    t.substElement("EventID", 0, ValueType.UINT16, true);
    t.substElement("Channel", 1, ValueType.STRING, true);
    t.substElement("EventRecordID", 2, ValueType.UINT64, true);
    t.end();
    t.open("EventData", false).closeStart();
    t.open("Data", true).attribute("Name", false).text("CommandLine").closeStart();
    switch (kind) {
      case 1 -> t.text(joinText).subst(3, ValueType.STRING, false); // text and value joined
      case 2 -> t.subst(3, ValueType.STRING, false).entityRef("amp").text(joinText);
      default -> t.subst(3, ValueType.STRING, false);
    }
    t.end();
    t.open("Data", true).attribute("Name", false).text("Other").closeStart();
    t.subst(4, ValueType.NULL, true).end();
    if (kind == 3) {
      // The element's name is text of no field; its value is one field.
      t.open(name, false).closeStart().subst(5, ValueType.STRING, false).end();
    } else {
      t.open("Data", true).attribute("Name", false).text("Third").closeStart();
      t.subst(5, ValueType.STRING, false).end();
    }
    t.end().end();
  }

  private record Read(Map<Long, List<String>> events, long passedOver, List<String> problems) {}

  private static Read read(Path file, TextFilter filter) throws Exception {
    Map<Long, List<String>> events = new HashMap<>();
    try (EvtxEventReader reader =
        new EvtxEventReader(file, EvtxTestSupport.LAYOUTS, 2, filter, 0)) {
      Event e;
      while ((e = reader.next()) != null) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < e.schema().size(); i++) {
          values.add(e.schema().name(i) + "=" + e.value(i));
        }
        assertThat(events.put(e.record(), values)).isNull();
      }
      List<String> problems = reader.problems().stream().map(LogProblem::describe).toList();
      return new Read(events, reader.passedOver(), problems);
    }
  }
}
