package org.sigmaworkbench.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;

/**
 * Reading a Sysmon-style CSV (the rows of sample-logs/sysmon-fields.csv repeated to {@code sizeMb},
 * each with its own time and process id) into events and reading each event's CommandLine, as a
 * rule on that field does. The baseline beside it reads the same file's bytes and counts its line
 * feeds, the least any reader must do. Time per file; MB/s = sizeMb / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvReadBenchmark {

  @Param({"64"})
  public int sizeMb;

  private Path file;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    List<String> lines = Files.readAllLines(TestFiles.sample("sysmon-fields.csv"));
    String header = lines.get(0);
    List<String> records = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String l : lines.subList(1, lines.size())) {
      if (cur.length() > 0 && l.matches("^\\d{4}-\\d\\d-\\d\\d .*")) {
        records.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) {
        cur.append("\r\n");
      }
      cur.append(l);
    }
    records.add(cur.toString());
    file = Files.createTempFile("csv-read-bench", ".csv");
    long limit = (long) sizeMb << 20;
    long size = 0;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(header + "\r\n");
      for (int i = 0; size < limit; i++) {
        String r = records.get(i % records.size());
        int c1 = r.indexOf(',');
        int c2 = r.indexOf(',', c1 + 1);
        int c3 = r.indexOf(',', c2 + 1);
        int c4 = r.indexOf(',', c3 + 1);
        String line =
            String.format(
                    "2026-11-%02d %02d:%02d:%02d.%03d",
                    1 + i % 28, i / 3600 % 24, i / 60 % 60, i % 60, i % 1000)
                + r.substring(c1, c3 + 1)
                + (1000 + i % 60000)
                + r.substring(c4)
                + "\r\n";
        w.write(line);
        size += line.length();
      }
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public long readEventsAndTheirCommandLines() throws Exception {
    long chars = 0;
    try (EventStream s = LogReaders.open(file)) {
      Event e;
      while ((e = s.next()) != null) {
        String c = e.get("CommandLine");
        chars += c == null ? 0 : c.length();
      }
    }
    return chars;
  }

  @Benchmark
  public long baselineCountLineFeeds() throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 20];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int k;
      while ((k = ch.read(ByteBuffer.wrap(buf))) > 0) {
        for (int i = 0; i < k; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }
}
