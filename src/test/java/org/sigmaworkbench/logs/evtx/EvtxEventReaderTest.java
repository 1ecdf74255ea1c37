package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.logs.evtx.EvtxWriter.Value;

/**
 * The file as a whole: what makes it unreadable (and says why), what is a warning, how chunks are
 * found, how damage to a chunk or record is skipped with its byte offset, progress and
 * cancellation.
 */
class EvtxEventReaderTest {

  @TempDir Path dir;

  /** A chunk of {@code n} Sysmon-like records with ids from {@code firstId}. */
  static void records(EvtxWriter.Chunk c, long firstId, int n) {
    int[] def = new int[1];
    for (int i = 0; i < n; i++) {
      long id = firstId + i;
      Value[] v = {
        Value.le(ValueType.UINT16, 1, 2),
        Value.string("Microsoft-Windows-Sysmon/Operational"),
        Value.le(ValueType.UINT64, id, 8),
        Value.string("powershell.exe -c Export-PfxCertificate -Cert x #" + id)
      };
      c.record(
          id,
          r -> {
            r.fragmentHeader();
            if (def[0] == 0) {
              r.templateInstance(
                  def,
                  t -> {
                    t.open("Event", false).closeStart();
                    t.open("System", false).closeStart();
                    t.substElement("EventID", 0, ValueType.UINT16, true);
                    t.substElement("Channel", 1, ValueType.STRING, true);
                    t.substElement("EventRecordID", 2, ValueType.UINT64, true);
                    t.end();
                    t.open("EventData", false).closeStart();
                    t.open("Data", true)
                        .attribute("Name", false)
                        .text("CommandLine")
                        .closeStart()
                        .subst(3, ValueType.STRING, false)
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
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  record Result(List<Event> events, List<LogProblem> problems, String format) {
    List<String> ids() {
      return events.stream().map(e -> e.get("EventRecordID")).toList();
    }
  }

  private static Result read(Path p, int threads) throws Exception {
    try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, threads)) {
      List<Event> out = new ArrayList<>();
      Event e;
      while ((e = r.next()) != null) {
        out.add(e);
      }
      return new Result(out, List.copyOf(r.problems()), r.formatName());
    }
  }

  @Test
  void aFileThatIsNotEvtxOrEndsInsideItsHeaderCannotBeOpened() throws Exception {
    Path text = write("notes.evtx", "just text, not a log".getBytes());
    assertThatThrownBy(() -> LogReaders.open(text, LogFormat.EVTX))
        .isInstanceOf(LogFormatException.class)
        .hasMessage(
            "notes.evtx: not a Windows .evtx file: it does not start with the signature 'ElfFile'"
                + " (byte offset 0x0)");
    byte[] whole = new EvtxWriter().chunk(c -> records(c, 1, 2)).bytes();
    Path cut = write("cut.evtx", Arrays.copyOf(whole, 1000));
    assertThat(LogReaders.detect(cut)).isEqualTo(LogFormat.EVTX);
    assertThatThrownBy(() -> LogReaders.open(cut))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining("cut.evtx: truncated .evtx file: it ends at byte offset 0x3e8")
        .hasMessageContaining("4096-byte file header");
  }

  @Test
  void aHeaderWithoutChunksIsAnEmptyLog() throws Exception {
    Path p = write("empty.evtx", new EvtxWriter().bytes());
    Result r = read(p, 1);
    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aBadHeaderChecksumIsAWarningAndVersion32IsRead() throws Exception {
    Path p =
        write(
            "crc.evtx",
            new EvtxWriter()
                .minorVersion(2)
                .corruptHeaderChecksum()
                .chunk(c -> records(c, 1, 3))
                .bytes());
    Result r = read(p, 1);
    assertThat(r.ids()).containsExactly("1", "2", "3");
    assertThat(r.format()).isEqualTo("Windows .evtx (format 3.2)");
    assertThat(r.problems()).hasSize(1);
    LogProblem w = r.problems().get(0);
    assertThat(w.fatal()).isFalse();
    assertThat(w.where()).isEqualTo("file header at byte offset 0x0");
    assertThat(w.message()).startsWith("the header checksum does not match (stored 0x");
  }

  @Test
  void chunksAreFoundBySignaturePastTheHeadersChunkCount() throws Exception {
    byte[] zero = new byte[65536];
    byte[] garbage = new byte[65536];
    Arrays.fill(garbage, (byte) 0x5A);
    Path p =
        write(
            "dirty.evtx",
            new EvtxWriter()
                .headerChunkCount(1)
                .chunk(c -> records(c, 1, 2))
                .rawSlot(zero)
                .chunk(c -> records(c, 3, 2))
                .rawSlot(garbage)
                .chunk(c -> records(c, 5, 1))
                .bytes());
    Result r = read(p, 1);
    assertThat(r.ids()).containsExactly("1", "2", "3", "4", "5");
    assertThat(r.problems()).as("leftovers past the chunk count are not reported").isEmpty();
  }

  @Test
  void aSlotWithoutSignatureWithinTheChunkCountIsReportedAndSkipped() throws Exception {
    byte[] garbage = new byte[65536];
    Arrays.fill(garbage, 8, 65536, (byte) 0x11);
    Path p =
        write(
            "bad-chunk.evtx",
            new EvtxWriter()
                .chunk(c -> records(c, 1, 2))
                .rawSlot(garbage)
                .chunk(c -> records(c, 3, 2))
                .bytes());
    Result r = read(p, 1);
    assertThat(r.ids()).containsExactly("1", "2", "3", "4");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.where()).isEqualTo("chunk 1 at byte offset 0x11000");
              assertThat(w.message()).contains("no chunk signature").contains("chunk 1 of 3");
              assertThat(w.fatal()).isFalse();
            });
  }

  @Test
  void aDamagedRecordCostsTheRestOfItsChunkOnlyAndSaysWhere() throws Exception {
    EvtxWriter w = new EvtxWriter();
    int[] third = new int[1];
    w.chunk(
        c -> {
          records(c, 1, 5);
          third[0] = c.recordOffsets.get(2);
        });
    w.chunk(c -> records(c, 6, 2));
    byte[] bytes = w.bytes();
    int at = 4096 + third[0];
    bytes[at] = 'X';
    Result r = read(write("torn.evtx", bytes), 1);
    assertThat(r.ids()).containsExactly("1", "2", "6", "7");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("chunk 0 at byte offset 0x1000");
              assertThat(p.message())
                  .isEqualTo(
                      String.format(
                          "no record signature ('**\\0\\0') at byte offset 0x%x; the rest of the"
                              + " chunk (3 of its 5 records by the chunk header) is skipped",
                          at));
            });
  }

  @Test
  void aRecordWithAnImpossibleSizeIsReported() throws Exception {
    EvtxWriter w = new EvtxWriter();
    int[] second = new int[1];
    w.chunk(
        c -> {
          records(c, 1, 3);
          second[0] = c.recordOffsets.get(1);
        });
    byte[] bytes = w.bytes();
    int at = 4096 + second[0];
    bytes[at + 4] = 3;
    bytes[at + 5] = 0;
    Result r = read(write("size.evtx", bytes), 1);
    assertThat(r.ids()).containsExactly("1");
    assertThat(r.problems().get(0).where()).isEqualTo("chunk 0 at byte offset 0x1000, record 2");
    assertThat(r.problems().get(0).message()).contains("impossible size of 3 bytes");
  }

  @Test
  void aRecordWhoseBinaryXmlIsBrokenIsSkippedAndTheNextIsRead() throws Exception {
    EvtxWriter w = new EvtxWriter();
    int[] second = new int[1];
    w.chunk(
        c -> {
          records(c, 1, 3);
          second[0] = c.recordOffsets.get(1);
        });
    byte[] bytes = w.bytes();
    int at = 4096 + second[0] + 24;
    bytes[at] = 0x2B;
    Result r = read(write("token.evtx", bytes), 1);
    assertThat(r.ids()).containsExactly("1", "3");
    assertThat(r.problems().get(0).where()).isEqualTo("chunk 0 at byte offset 0x1000, record 2");
    assertThat(r.problems().get(0).message())
        .isEqualTo(
            String.format(
                "record at byte offset 0x%x skipped: unexpected binary XML token 0x2b where an"
                    + " element starts at byte offset 0x%x",
                at - 24, at));
  }

  @Test
  void aFileCutAtAChunkBoundarySaysThatChunksAreMissing() throws Exception {
    EvtxWriter w = new EvtxWriter();
    w.chunk(c -> records(c, 1, 2)).chunk(c -> records(c, 3, 2)).chunk(c -> records(c, 5, 2));
    byte[] whole = w.bytes();
    Result all = read(write("whole.evtx", whole), 1);
    assertThat(all.ids()).containsExactly("1", "2", "3", "4", "5", "6");
    assertThat(all.problems()).isEmpty();
    Result cut = read(write("cut.evtx", Arrays.copyOf(whole, 4096 + 65536)), 1);
    assertThat(cut.ids()).containsExactly("1", "2");
    assertThat(cut.problems()).hasSize(1);
    assertThat(cut.problems().get(0).fatal()).isFalse();
    assertThat(cut.problems().get(0).message())
        .contains("announces 3 chunks but the file holds 1")
        .contains("0x11000")
        .contains("lost");
  }

  @Test
  void aTruncatedLastChunkGivesTheRecordsBeforeTheCut() throws Exception {
    EvtxWriter w = new EvtxWriter();
    int[] fourth = new int[1];
    w.chunk(
        c -> {
          records(c, 1, 6);
          fourth[0] = c.recordOffsets.get(3);
        });
    byte[] bytes = w.bytes();
    Result r = read(write("short.evtx", Arrays.copyOf(bytes, 4096 + fourth[0] + 10)), 1);
    assertThat(r.ids()).containsExactly("1", "2", "3");
    assertThat(r.problems().get(0).message()).contains("the file ends after").contains("lost");
  }

  @Test
  void aFileOfGarbageAfterItsHeaderIsAnError() throws Exception {
    byte[] garbage = new byte[65536];
    Arrays.fill(garbage, (byte) 0x77);
    Result r = read(write("junk.evtx", new EvtxWriter().rawSlot(garbage).bytes()), 1);
    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).last().satisfies(p -> assertThat(p.fatal()).isTrue());
  }

  @Test
  void decodingOnAPoolDeliversTheSameEventsInFileOrderWithProgress() throws Exception {
    EvtxWriter w = new EvtxWriter();
    for (int k = 0; k < 40; k++) {
      long first = 1 + 50L * k;
      w.chunk(c -> records(c, first, 50));
    }
    Path p = write("many.evtx", w.bytes());
    Result one = read(p, 1);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 2000; i++) {
      expected.add(Integer.toString(i));
    }
    assertThat(one.ids()).isEqualTo(expected);
    try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 4)) {
      long last = r.bytesRead();
      int n = 0;
      Event e;
      while ((e = r.next()) != null) {
        assertThat(e.get("EventRecordID")).isEqualTo(expected.get(n));
        assertThat(e.record()).isEqualTo(n + 1);
        assertThat(r.bytesRead()).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(Files.size(p));
        last = r.bytesRead();
        n++;
      }
      assertThat(n).isEqualTo(2000);
      assertThat(r.bytesRead()).isEqualTo(Files.size(p));
    }
  }

  @Test
  void closingTheStreamStopsReadingAndTheDecoders() throws Exception {
    EvtxWriter w = new EvtxWriter();
    for (int k = 0; k < 200; k++) {
      long first = 1 + 50L * k;
      w.chunk(c -> records(c, first, 50));
    }
    Path p = write("big.evtx", w.bytes());
    EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 2);
    for (int i = 0; i < 10; i++) {
      assertThat(r.next()).isNotNull();
    }
    assertThat(r.bytesRead()).isLessThan(Files.size(p) / 10);
    r.close();
    assertThat(r.next()).isNull();
    long deadline = System.currentTimeMillis() + 5000;
    while (decoderThreads() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(decoderThreads()).isZero();
  }

  @Test
  void aFileReadToItsEndLeavesNoDecoderThreadsEvenUnclosed() throws Exception {
    EvtxWriter w = new EvtxWriter();
    for (int k = 0; k < 8; k++) {
      long first = 1 + 10L * k;
      w.chunk(c -> records(c, first, 10));
    }
    Path p = write("unclosed.evtx", w.bytes());
    EventStream s = LogReaders.open(p);
    int n = 0;
    while (s.next() != null) {
      n++;
    }
    assertThat(n).isEqualTo(80);
    long deadline = System.currentTimeMillis() + 5000;
    while (decoderThreads() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(decoderThreads()).isZero();
    s.close();
  }

  private static long decoderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("evtx-decoder-") && t.isAlive())
        .count();
  }

  @Test
  void aRecordThatExpandsWithoutBoundIsSkippedWithAProblemAndTheOthersAreRead() throws Exception {
    // Found by fuzzing: a 7 KB record whose element repeats once per item of an array and holds
    // hundreds of operations, about 415,000 steps where a record Windows writes takes a few
    // hundred.
    Path p =
        Path.of(
            EvtxEventReaderTest.class
                .getResource(
                    "/org/sigmaworkbench/logs/detect/LogReadersFuzzTestInputs/evtx/"
                        + "expanding-record.evtx")
                .toURI());
    List<Long> records = new ArrayList<>();
    try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 1)) {
      Event e;
      while ((e = r.next()) != null) {
        records.add(e.record());
      }
      assertThat(r.problems())
          .filteredOn(pr -> pr.message().contains("expands to more than 262144"))
          .singleElement()
          .satisfies(
              pr -> assertThat(pr.message()).contains("record at byte offset 0x2f08 skipped"));
    }
    assertThat(records).hasSize(7);
  }
}
