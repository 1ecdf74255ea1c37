package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.logs.detect.LogReaders;

/** Large files are read ahead on a second thread: same events, same problems, in order. */
class ReadAheadTest {

  @TempDir Path dir;

  private static final int ROWS = 60_000;

  private Path bigCsv() throws Exception {
    Path p = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("UtcTime,EventID,Image,CommandLine,User\r\n");
      for (int i = 1; i <= ROWS; i++) {
        String extra = i == 50_000 ? ",surplus" : "";
        w.write(
            "2026-11-20 09:00:00."
                + (i % 1000)
                + ",1,C:\\Windows\\System32\\cmd.exe,\"cmd.exe /c echo "
                + i
                + " \"\"quoted\"\" and, comma\",CORP\\jdoe"
                + extra
                + "\r\n");
      }
    }
    assertThat(Files.size(p)).isGreaterThan(ReadAheadStream.FROM_SIZE);
    return p;
  }

  @Test
  void aLargeCsvGivesEveryRecordInOrderWithItsProblems() throws Exception {
    Path p = bigCsv();
    try (EventStream s = LogReaders.open(p)) {
      assertThat(s).isInstanceOf(ReadAheadStream.class);
      long n = 0;
      long lastBytes = 0;
      Event e;
      while ((e = s.next()) != null) {
        n++;
        assertThat(e.record()).isEqualTo(n);
        if (n % 7919 == 0) {
          assertThat(e.get("CommandLine"))
              .isEqualTo("cmd.exe /c echo " + n + " \"quoted\" and, comma");
          assertThat(s.bytesRead()).isGreaterThanOrEqualTo(lastBytes);
          lastBytes = s.bytesRead();
        }
      }
      assertThat(n).isEqualTo(ROWS);
      assertThat(s.bytesRead()).isEqualTo(Files.size(p));
      assertThat(s.problems())
          .singleElement()
          .satisfies(pr -> assertThat(pr.where()).isEqualTo("record 50000, line 50001"));
      assertThat(s.formatName()).isEqualTo("CSV (Sigma field names)");
    }
  }

  @Test
  void closingEarlyStopsTheReadingThread() throws Exception {
    Path p = bigCsv();
    Thread reader;
    try (EventStream s = LogReaders.open(p)) {
      for (int i = 0; i < 10; i++) {
        assertThat(s.next()).isNotNull();
      }
      reader =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals("log-reader big.csv"))
              .findFirst()
              .orElseThrow();
    }
    reader.join(5000);
    assertThat(reader.isAlive()).isFalse();
  }

  @Test
  void aLargeJsonLinesFileWithABadLine() throws Exception {
    Path p = dir.resolve("big.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= 40_000; i++) {
        if (i == 30_000) {
          w.write("{\"CommandLine\": broken}\n");
          continue;
        }
        w.write(
            "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"CommandLine\":\"cmd /c "
                + i
                + "\",\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"Padding\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n");
      }
    }
    try (EventStream s = LogReaders.open(p)) {
      long n = 0;
      Event e;
      while ((e = s.next()) != null) {
        n++;
      }
      assertThat(n).isEqualTo(39_999);
      assertThat(s.problems())
          .singleElement()
          .satisfies(pr -> assertThat(pr.where()).startsWith("line 30000, column"));
    }
  }
}
