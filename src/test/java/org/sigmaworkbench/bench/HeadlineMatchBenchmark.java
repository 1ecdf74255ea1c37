package org.sigmaworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The headline rule over parsed events of the Sysmon sample (8 hits in 18), repeated to 18,000
 * events. Reports events per second on one thread; the baseline beside it is a case-sensitive
 * {@code String.contains} of the two patterns over the same command lines. Run with {@code -prof
 * gc} to see that matching allocates nothing; {@code explainHits} is the cost of the explanation
 * (spans, identifiers, entries, sentence) that each hit gets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeadlineMatchBenchmark {
  private static final int COPIES = 1000;

  private CompiledRule rule;
  private Event[] events;
  private Event[] hits;
  private String[] commandLines;

  @Setup
  public void setup() throws Exception {
    rule =
        CompiledRule.compile(
            new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
    List<Event> read = new ArrayList<>();
    try (EventStream s = LogReaders.open(TestFiles.sample("sysmon-fields.csv"))) {
      Event e;
      while ((e = s.next()) != null) {
        read.add(e);
      }
    }
    events = new Event[read.size() * COPIES];
    commandLines = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      events[i] = read.get(i % read.size());
      commandLines[i] = events[i].get("CommandLine");
    }
    hits = read.stream().filter(rule::matches).toArray(Event[]::new);
  }

  @Benchmark
  @OperationsPerInvocation(18 * COPIES)
  public int headlineRule() {
    int hits = 0;
    for (Event e : events) {
      if (rule.matches(e)) {
        hits++;
      }
    }
    return hits;
  }

  @Benchmark
  @OperationsPerInvocation(18 * COPIES)
  public int baselineCaseSensitiveContains() {
    int hits = 0;
    for (String c : commandLines) {
      if (c.contains("Export-PfxCertificate ") || c.contains("Export-Certificate ")) {
        hits++;
      }
    }
    return hits;
  }

  /** Explanations per second for the sample's 8 hits. */
  @Benchmark
  @OperationsPerInvocation(8)
  public int explainHits() {
    int spans = 0;
    for (Event e : hits) {
      spans += rule.explain(e).spans().size();
    }
    return spans;
  }
}
