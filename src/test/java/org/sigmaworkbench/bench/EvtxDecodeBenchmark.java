package org.sigmaworkbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RuleSetMatcher;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.TextFilter;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.logs.evtx.EvtxEventReader;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Records per second parsed to fields by the .evtx reader, over the clean chunks of the corpus (133
 * chunks of 16 files, 6131 records: Sysmon, Security 4688, PowerShell 4104, System, Application;
 * see {@link EvtxBenchFile}) written once into one file: on one decoder thread (the per-core
 * figure) and on all cores. The baseline beside them is the event-XML reader over the same files'
 * records as libevtx exports them (6133 events; the XML is read from the page cache like the
 * .evtx). A third figure is the reading {@code test} does for the headline rule, which passes over
 * records that hold none of its text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvtxDecodeBenchmark {
  static final int RECORDS = 6131;

  /** libevtx's export of the same files also holds the 2 records before the cut in chunk 0. */
  static final int XML_EVENTS = 6133;

  private Path evtx;
  private Path xml;
  private TextFilter headlineFilter;

  @Setup
  public void setup() throws Exception {
    Path corpus = TestFiles.corpus("evtx");
    List<byte[]> chunks = EvtxBenchFile.cleanChunks(corpus);
    evtx = Files.createTempFile("corpus-chunks", ".evtx");
    EvtxBenchFile.write(evtx, chunks, chunks.size());
    headlineFilter =
        new RuleSetMatcher(
                List.of(
                    CompiledRule.compile(
                        new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow())))
            .textFilter();
    int n = countEvtx(1);
    if (n != RECORDS) {
      throw new IllegalStateException("expected " + RECORDS + " records, read " + n);
    }
    xml = Files.createTempFile("corpus-chunks", ".xml");
    StringBuilder all = new StringBuilder();
    Path libevtx = TestFiles.corpus("evtx-ref").resolve("libevtx");
    try (Stream<Path> s = Files.list(libevtx)) {
      for (Path gz : s.filter(p -> p.toString().endsWith(".xml.gz")).sorted().toList()) {
        String name = gz.getFileName().toString();
        if (name.startsWith("issue_201") || name.startsWith("sample_with_a_bad_chunk_magic")) {
          continue;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          all.append(xmlSafe(text)).append('\n');
        }
      }
    }
    Files.writeString(xml, all, StandardCharsets.UTF_8);
    int x = countXml();
    if (x != XML_EVENTS) {
      throw new IllegalStateException("expected " + XML_EVENTS + " XML events, read " + x);
    }
  }

  /** dns_log_malformed's export holds control characters XML 1.0 does not allow. */
  private static String xmlSafe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
    }
    return b.toString();
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(evtx);
    Files.deleteIfExists(xml);
  }

  private int countEvtx(int threads) {
    try (EvtxEventReader r = new EvtxEventReader(evtx, (c, p, e) -> FieldLayout.NATIVE, threads)) {
      int n = 0;
      Event e;
      while ((e = r.next()) != null) {
        n += e.schema().size() > 0 ? 1 : 0;
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int countXml() throws Exception {
    try (EventStream s = LogReaders.open(xml, LogFormat.XML)) {
      int n = 0;
      Event e;
      while ((e = s.next()) != null) {
        n += e.schema().size() > 0 ? 1 : 0;
      }
      return n;
    }
  }

  /**
   * One decoder thread, on the benchmark's thread: records per second per core (with the native
   * layout for every event; the layout choice is a lookup).
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public int evtxOneThread() {
    return countEvtx(1);
  }

  /**
   * As the CLI and the app read: {@code LogReaders.open}, a decoder per core, events in file order,
   * Sigma layouts chosen by channel and event id.
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public int evtxAllCores() throws Exception {
    try (EventStream s = LogReaders.open(evtx)) {
      int n = 0;
      Event e;
      while ((e = s.next()) != null) {
        n += e.schema().size() > 0 ? 1 : 0;
      }
      return n;
    }
  }

  /**
   * As {@code test} reads for the headline rule, on one decoder thread: records that hold none of
   * the rule's text are passed over without being built (records per second per core, the records
   * passed over counted).
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long evtxPassOverOneThread() throws Exception {
    try (EvtxEventReader r =
        new EvtxEventReader(evtx, (c, p, e) -> FieldLayout.NATIVE, 1, headlineFilter, 0)) {
      long n = 0;
      Event e;
      while ((e = r.next()) != null) {
        n += e.schema().size() > 0 ? 1 : 0;
      }
      return n + r.passedOver();
    }
  }

  /** Baseline: the event-XML reader over libevtx's export of the same files. */
  @Benchmark
  @OperationsPerInvocation(XML_EVENTS)
  public int xmlReaderSameRecordsBaseline() throws Exception {
    return countXml();
  }
}
