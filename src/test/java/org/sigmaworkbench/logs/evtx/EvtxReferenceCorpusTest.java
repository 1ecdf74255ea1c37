package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.logs.evtx.ReferenceValues.Reference;

/**
 * Every record of the 19 corpus .evtx files against the two reference dumps in evtx-ref: the
 * python-evtx XML (record by record, aligned by the record's byte offset, every System field and
 * EventData/UserData value, after the normalisations of {@link ReferenceValues}) and the libevtx
 * {@code evtxexport} XML (aligned by EventRecordID and TimeCreated; timestamps to the 100 ns). Both
 * dumps are read with the event-XML reader, so the field names are checked against that reader too.
 *
 * <p>Where the references disagree on which records a file holds, this reader follows:
 *
 * <ul>
 *   <li>issue_43 (python-evtx 1729, libevtx 1730): libevtx. One CommandLine holds an unpaired
 *       UTF-16 surrogate; that is what Windows stored, so the record is delivered with the
 *       surrogate kept.
 *   <li>dns_log_malformed (1 / 5): libevtx. Four records hold AnsiString values with bytes above
 *       0x7F, which python-evtx fails to decode as ASCII; they are Windows-1252 text.
 *   <li>sample_with_a_bad_chunk_magic (270 / 267): python-evtx and evtx-rs (270 and 2 errors).
 *       Three records lost the tail of their data to zeroed 8 KiB blocks, so their trailing size
 *       copy is 0 and libevtx drops them; their headers and template instances decode (one with
 *       empty values), so they are delivered. The 2 errors are the two slots within the header's
 *       chunk count that lost their chunk signature.
 *   <li>issue_201 (0 / 0): evtx-rs (1). The record's EventData has several empty {@code <Data>}
 *       elements, which both references fail on; they are empty strings.
 * </ul>
 */
class EvtxReferenceCorpusTest {

  private static final Pattern PY_RECORD =
      Pattern.compile("<!-- record chunk=(\\d+) offset=0x([0-9a-f]+) record_num=(\\d+)");
  private static final Pattern PY_ERROR =
      Pattern.compile("<!-- record-error chunk=(\\d+) offset=0x([0-9a-f]+)");

  /** Records libevtx does not export, by file, and why (see the class comment). */
  private static final Map<String, Integer> NOT_IN_LIBEVTX =
      Map.of("sample_with_a_bad_chunk_magic.evtx", 3, "issue_201.evtx", 1);

  @TempDir static Path tmp;

  private static Path evtxDir;
  private static Path refDir;

  @BeforeAll
  static void corpus() {
    evtxDir = TestFiles.corpus("evtx");
    refDir = TestFiles.corpus("evtx-ref");
  }

  /** One event as read, with the byte offset of its record. */
  record Read(long offset, Event event) {}

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(TestFiles.corpus("evtx"))) {
      return s.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
    }
  }

  static List<Read> readOurs(Path file, int threads, List<LogProblem> problems) throws Exception {
    List<Read> out = new ArrayList<>();
    try (EvtxEventReader r = new EvtxEventReader(file, EvtxTestSupport.LAYOUTS, threads)) {
      Event e;
      while ((e = r.next()) != null) {
        out.add(new Read(r.lastRecordOffset(), e));
      }
      problems.addAll(r.problems());
    }
    return out;
  }

  static List<Event> readXml(Path xml) throws Exception {
    List<Event> out = new ArrayList<>();
    try (EventStream s = LogReaders.open(xml, LogFormat.XML)) {
      Event e;
      while ((e = s.next()) != null) {
        out.add(e);
      }
      assertThat(s.problems()).as("problems reading %s", xml).isEmpty();
    }
    return out;
  }

  @Test
  void theCorpusHasNineteenFiles() throws IOException {
    assertThat(files()).hasSize(19);
  }

  @TestFactory
  Stream<DynamicTest> everyRecordAgreesWithPythonEvtx() throws IOException {
    return files().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> againstPython(f)));
  }

  @TestFactory
  Stream<DynamicTest> everyRecordAgreesWithLibevtx() throws IOException {
    return files().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> againstLibevtx(f)));
  }

  @Test
  void theDamagedFilesReportWhereAndTheOthersNothing() throws Exception {
    Map<String, List<String>> expected =
        Map.of(
            "Application_no_crc32.evtx",
            List.of("file header at byte offset 0x0: the header checksum does not match"),
            "sample_with_a_bad_chunk_magic.evtx",
            List.of(
                "chunk 6 at byte offset 0x61000: no chunk signature",
                "chunk 10 at byte offset 0xa1000: no chunk signature"),
            "sample-with-zero-data-size-event.evtx",
            List.of(
                "chunk 0 at byte offset 0x1000, record 3: record at byte offset 0x1820 has an"
                    + " impossible size of 0 bytes"));
    for (Path f : files()) {
      List<LogProblem> problems = new ArrayList<>();
      List<Read> events = readOurs(f, 2, problems);
      String name = f.getFileName().toString();
      List<String> want = expected.getOrDefault(name, List.of());
      assertThat(problems).as("problems of %s", name).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        LogProblem p = problems.get(i);
        assertThat(p.where() + ": " + p.message()).startsWith(want.get(i));
        assertThat(p.fatal()).isFalse();
      }
      if (name.equals("sample_with_a_bad_chunk_magic.evtx")) {
        assertThat(events).hasSize(270);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> decodingOnAPoolGivesTheSameEventsAndProblems() throws IOException {
    return files().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      List<LogProblem> p1 = new ArrayList<>();
                      List<LogProblem> p3 = new ArrayList<>();
                      List<Read> one = readOurs(f, 1, p1);
                      List<Read> three = readOurs(f, 3, p3);
                      assertThat(three).hasSameSizeAs(one);
                      for (int i = 0; i < one.size(); i++) {
                        assertThat(three.get(i).offset()).isEqualTo(one.get(i).offset());
                        assertThat(raw(three.get(i).event())).isEqualTo(raw(one.get(i).event()));
                        assertThat(three.get(i).event().record()).isEqualTo(i + 1);
                      }
                      assertThat(p3).isEqualTo(p1);
                    }));
  }

  private void againstPython(Path file) throws Exception {
    String name = file.getFileName().toString();
    Path dump = refDir.resolve("python-evtx").resolve(name.replace(".evtx", ".xml"));
    String text = Files.readString(dump);
    List<Long> offsets = new ArrayList<>();
    Matcher m = PY_RECORD.matcher(text);
    while (m.find()) {
      offsets.add(Long.parseLong(m.group(2), 16));
    }
    Set<Long> pythonErrors = new TreeSet<>();
    Matcher me = PY_ERROR.matcher(text);
    while (me.find()) {
      pythonErrors.add(Long.parseLong(me.group(2), 16));
    }
    List<Event> python = offsets.isEmpty() ? List.of() : readXml(dump);
    assertThat(python).as("python-evtx records in %s", dump).hasSize(offsets.size());
    Map<Long, Event> pythonByOffset = new HashMap<>();
    for (int i = 0; i < python.size(); i++) {
      pythonByOffset.put(offsets.get(i), python.get(i));
    }

    List<Read> ours = readOurs(file, 1, new ArrayList<>());
    List<String> diffs = new ArrayList<>();
    Set<Long> onlyOurs = new TreeSet<>();
    Set<Long> seen = new TreeSet<>();
    for (Read r : ours) {
      seen.add(r.offset());
      Event p = pythonByOffset.get(r.offset());
      if (p == null) {
        onlyOurs.add(r.offset());
        continue;
      }
      compare(r, p, Reference.PYTHON_EVTX, diffs);
    }
    Set<Long> onlyPython = new TreeSet<>(pythonByOffset.keySet());
    onlyPython.removeAll(seen);
    assertThat(onlyPython).as("python-evtx records %s did not read", name).isEmpty();
    assertThat(onlyOurs)
        .as("records read beyond python-evtx's must be the ones python-evtx failed to render")
        .isEqualTo(pythonErrors);
    assertThat(ours).hasSize(python.size() + pythonErrors.size());
    assertThat(diffs).as("differences from python-evtx in %s", name).isEmpty();
  }

  private void againstLibevtx(Path file) throws Exception {
    String name = file.getFileName().toString();
    Path gz = refDir.resolve("libevtx").resolve(name.replace(".evtx", ".xml.gz"));
    Path xml = tmp.resolve(name.replace(".evtx", ".libevtx.xml"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // dns_log_malformed's dump holds control characters XML 1.0 does not allow.
      Files.writeString(xml, ReferenceValues.sanitize(text), StandardCharsets.UTF_8);
    }
    List<Event> lib = Files.size(xml) < 8 ? List.of() : readXml(xml);
    List<Read> ours = readOurs(file, 1, new ArrayList<>());
    Map<String, Deque<Read>> byKey = new LinkedHashMap<>();
    for (Read r : ours) {
      byKey.computeIfAbsent(key(r.event()), k -> new ArrayDeque<>()).add(r);
    }
    List<String> diffs = new ArrayList<>();
    for (Event l : lib) {
      String k =
          l.get("EventRecordID")
              + "|"
              + String.valueOf(l.get("TimeCreated_SystemTime")).replaceAll("00Z$", "Z");
      Deque<Read> d = byKey.get(k);
      if (d == null || d.isEmpty()) {
        diffs.add("libevtx record " + k + " was not read");
        continue;
      }
      compare(d.poll(), l, Reference.LIBEVTX, diffs);
    }
    List<Read> left = byKey.values().stream().flatMap(Deque::stream).toList();
    assertThat(diffs).as("differences from libevtx in %s", name).isEmpty();
    assertThat(left)
        .as("records of %s libevtx does not export", name)
        .hasSize(NOT_IN_LIBEVTX.getOrDefault(name, 0));
    if (name.equals("sample_with_a_bad_chunk_magic.evtx")) {
      for (Read r : left) {
        assertThat(trailingSizeMatches(file, r.offset()))
            .as("record at 0x%x is one whose trailing size copy was zeroed", r.offset())
            .isFalse();
      }
    }
  }

  private static String key(Event e) {
    return e.get("EventRecordID") + "|" + e.get("TimeCreated_SystemTime");
  }

  private static boolean trailingSizeMatches(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      ByteBuffer b = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      ch.read(b, offset);
      int size = b.getInt(4);
      ByteBuffer t = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      ch.read(t, offset + size - 4);
      return t.getInt(0) == size;
    }
  }

  /** Field by field: the same names (less the reference's empty attributes), equivalent values. */
  private static void compare(Read r, Event theirs, Reference ref, List<String> diffs) {
    Event ours = r.event();
    String where =
        String.format("record at 0x%x (EventRecordID %s)", r.offset(), ours.get("EventRecordID"));
    Map<String, String> o = raw(ours);
    Map<String, String> t = raw(theirs);
    if (ref == Reference.PYTHON_EVTX) {
      comparePythonStringArray(o, t, where, diffs);
    }
    for (Map.Entry<String, String> e : t.entrySet()) {
      String ov = o.get(e.getKey());
      if (ov == null) {
        // python-evtx writes optional substitutions without a value as empty attributes and
        // elements; Windows (and libevtx) leave the attribute or element out.
        boolean absentOptional = ref == Reference.PYTHON_EVTX && e.getValue().isEmpty();
        if (!absentOptional) {
          diffs.add(
              where + ": missing field " + e.getKey() + "=" + ReferenceValues.show(e.getValue()));
        }
      } else if (!ReferenceValues.equivalent(ov, e.getValue(), ref)) {
        diffs.add(
            where
                + ": "
                + e.getKey()
                + " is "
                + ReferenceValues.show(ov)
                + ", reference has "
                + ReferenceValues.show(e.getValue()));
      }
    }
    for (String k : o.keySet()) {
      if (!t.containsKey(k)) {
        diffs.add(where + ": extra field " + k + "=" + ReferenceValues.show(o.get(k)));
      }
    }
    if (!ours.schema().layout().equals(theirs.schema().layout())) {
      diffs.add(
          where
              + ": layout "
              + ours.schema().layout().name()
              + ", the XML reader chose "
              + theirs.schema().layout().name());
    }
  }

  private static final Pattern PY_ARRAY = Pattern.compile("(?s)(<string>.*?</string>\n)+");
  private static final Pattern UNNAMED = Pattern.compile("Data\\d*");

  /**
   * python-evtx writes a string array as {@code <string>item</string>} lines inside one element,
   * where Windows (and libevtx) repeat the element once per item, which the XML reader names Data,
   * Data2, ... Its splitting of the array also goes wrong around empty items, so the comparison
   * rebuilds the array from this reader's items and renders it the way python-evtx 0.6.1 does
   * ({@link PythonEvtxArrays}); the text must then be the same.
   */
  private static void comparePythonStringArray(
      Map<String, String> ours, Map<String, String> theirs, String where, List<String> diffs) {
    List<String> arrays =
        theirs.entrySet().stream()
            .filter(e -> PY_ARRAY.matcher(e.getValue()).matches())
            .map(Map.Entry::getKey)
            .toList();
    if (arrays.isEmpty()) {
      return;
    }
    if (arrays.size() > 1 || !UNNAMED.matcher(arrays.get(0)).matches()) {
      diffs.add(where + ": python-evtx has string arrays this comparison cannot align: " + arrays);
      return;
    }
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, String> e : ours.entrySet()) {
      if (UNNAMED.matcher(e.getKey()).matches()) {
        items.add(e.getValue());
      }
    }
    String expected = PythonEvtxArrays.render(items);
    String actual = theirs.get(arrays.get(0));
    if (!ReferenceValues.equivalent(expected, actual, Reference.PYTHON_EVTX)) {
      diffs.add(
          where
              + ": Data items "
              + items
              + " render in python-evtx as "
              + ReferenceValues.show(expected)
              + ", the dump has "
              + ReferenceValues.show(actual));
    }
    ours.keySet().removeIf(k -> UNNAMED.matcher(k).matches());
    theirs.keySet().removeIf(k -> UNNAMED.matcher(k).matches());
  }

  /**
   * The event's own field names (not the Sigma display names) and values; the n-th value of a field
   * of several values (the unnamed Data) is keyed {@code Data}, {@code Data2}, ... in order.
   */
  static Map<String, String> raw(Event e) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < e.schema().size(); i++) {
      String v = e.value(i);
      if (v != null) {
        int n = e.schema().occurrence(i);
        m.put(e.schema().name(i) + (n == 0 ? "" : String.valueOf(n + 1)), v);
      }
    }
    return m;
  }
}
