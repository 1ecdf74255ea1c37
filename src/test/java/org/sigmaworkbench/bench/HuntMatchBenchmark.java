package org.sigmaworkbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RuleSetMatcher;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Hunt mode over parsed events: SigmaHQ's Windows process-creation rules (and the emerging
 * threats') against the process-creation events of the curated corpus (Sysmon 1 and Security 4688,
 * from the reference XML of the .evtx files). Reports events per second for {@code rules} rules
 * (every n-th of the sorted corpus, or all); the baseline beside it tries every rule on every event
 * ({@code appliesTo} and {@code matches}, no prefilter). Run with {@code -t 2} for both cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HuntMatchBenchmark {

  /** How many rules: 100, or 0 for all of them. */
  @Param({"100", "0"})
  public int rules;

  private List<CompiledRule> compiled;
  private RuleSetMatcher matcher;
  private Event[] events;

  @Setup
  public void setup() throws Exception {
    Path corpus = TestFiles.corpus("sigma-rules");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("rules/windows/process_creation", "rules-emerging-threats")) {
      try (Stream<Path> s = Files.walk(corpus.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
      }
    }
    List<SigmaRule> loaded = new ArrayList<>();
    for (Path f : files) {
      RuleFile rf = new RuleLoader().load(f);
      for (SigmaRule r : rf.rules()) {
        if ("process_creation".equals(r.logsource().category())) {
          loaded.add(r);
        }
      }
    }
    List<CompiledRule> all =
        CompiledRule.compileAll(loaded, loaded.stream().map(SigmaRule::title).toList()).rules();
    compiled = new ArrayList<>();
    if (rules == 0 || rules >= all.size()) {
      compiled.addAll(all);
    } else {
      double step = (double) all.size() / rules;
      for (int i = 0; i < rules; i++) {
        compiled.add(all.get((int) (i * step)));
      }
    }
    matcher = new RuleSetMatcher(compiled);
    List<Event> read = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestFiles.corpus("evtx"))) {
      for (Path log : s.filter(p -> p.toString().endsWith(".evtx")).sorted().toList()) {
        try (EventStream es = LogReaders.open(log)) {
          Event e;
          while ((e = es.next()) != null) {
            if ("process_creation".equals(e.schema().layout().category())) {
              read.add(e);
            }
          }
        } catch (org.sigmaworkbench.logs.LogFormatException ex) {
          // a log that cannot be read adds nothing
        }
      }
    }
    events = read.toArray(Event[]::new);
    System.out.printf(
        "%n%d rules (%d need no literal), %d process-creation events%n",
        compiled.size(), matcher.unfilteredRules(), events.length);
  }

  /** Per-thread working memory of the matcher, and where in the events the thread is. */
  @State(Scope.Thread)
  public static class Work {
    RuleSetMatcher.Scratch scratch;
    int next;
    int hits;

    @Setup
    public void setup(HuntMatchBenchmark b) {
      scratch = b.matcher.newScratch();
    }

    Event event(Event[] events) {
      Event e = events[next];
      next = next + 1 == events.length ? 0 : next + 1;
      return e;
    }
  }

  /** Events per second: one operation is one event against all rules. */
  @Benchmark
  public int hunt(Work w) {
    w.hits = 0;
    matcher.match(w.event(events), w.scratch, r -> w.hits++);
    return w.hits;
  }

  /** Baseline: every rule tried on every event. */
  @Benchmark
  public int baselineEveryRule(Work w) {
    Event e = w.event(events);
    int hits = 0;
    for (CompiledRule r : compiled) {
      if (r.appliesTo(e) && r.matches(e)) {
        hits++;
      }
    }
    return hits;
  }
}
