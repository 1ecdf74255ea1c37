package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunOptions;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.detect.LogReaders;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Hunt mode on the corpus: SigmaHQ's Windows process-creation rules (and those of the emerging
 * threats) over the curated logs. The hunt's hits are exactly those of trying every rule on every
 * event, on one thread and on several; each regression set's rule is among the hits on its events.
 */
class HuntCorpusTest {

  private static List<CompiledRule> rules;
  private static List<RuleFailure> failures;
  private static List<String> sources;

  /** The process-creation rules of the corpus, with their files. */
  static CompiledRule.Compiled processCreationRules(List<String> sourcesOut) throws IOException {
    Path corpus = TestFiles.corpus("sigma-rules");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(corpus.resolve("rules/windows/process_creation"))) {
      s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(corpus.resolve("rules-emerging-threats"))) {
      s.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
    }
    List<SigmaRule> loaded = new ArrayList<>();
    RuleLoader loader = new RuleLoader();
    for (Path f : files) {
      RuleFile rf = loader.load(f);
      for (SigmaRule r : rf.rules()) {
        if ("process_creation".equals(r.logsource().category())) {
          loaded.add(r);
          sourcesOut.add(corpus.relativize(f).toString());
        }
      }
    }
    return CompiledRule.compileAll(loaded, sourcesOut);
  }

  /** The curated logs: every .evtx of the corpus and of the regression sets. */
  static List<Path> logs() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestFiles.corpus("evtx"))) {
      s.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(out::add);
    }
    try (Stream<Path> s = Files.walk(TestFiles.corpus("sigma-regression/regression_data"))) {
      s.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(out::add);
    }
    return out;
  }

  @BeforeAll
  static void load() throws IOException {
    sources = new ArrayList<>();
    CompiledRule.Compiled c = processCreationRules(sources);
    rules = c.rules();
    failures = c.failures();
  }

  @Test
  void nearlyEveryRuleCompilesAndTheOthersAreReported() {
    assertThat(rules.size()).isGreaterThan(1300);
    assertThat(failures.size()).isLessThan(rules.size() / 50);
    assertThat(failures).allSatisfy(f -> assertThat(f.message()).isNotBlank());
  }

  private record Seen(long record, List<String> rules) {}

  private static Map<String, List<Seen>> hunt(int threads) throws IOException {
    Map<String, List<Seen>> out = new HashMap<>();
    RunResult r =
        run(
            rules,
            RunOptions.allEvents().threads(threads),
            e ->
                out.computeIfAbsent(e.event().file(), k -> new ArrayList<>())
                    .add(
                        new Seen(
                            e.event().record(),
                            e.hits().stream().map(h -> h.rule().rule().id()).toList())));
    assertThat(r.cancelled()).isFalse();
    assertThat(r.failures()).isEmpty();
    assertThat(r.logs())
        .allSatisfy(f -> assertThat(f.error()).as(f.input().path().toString()).isNull());
    assertThat(r.rules().stream().mapToLong(RunResult.RuleHits::hits).sum())
        .isEqualTo(
            out.values().stream().flatMap(List::stream).mapToLong(s -> s.rules().size()).sum());
    return out;
  }

  @Test
  void huntHitsWhatEveryRuleOnItsOwnHits() throws IOException {
    Map<String, List<Seen>> oneThread = hunt(1);
    Map<String, List<Seen>> expected = new HashMap<>();
    long hits = 0;
    for (Path log : logs()) {
      try (EventStream s = LogReaders.open(log)) {
        Event e;
        while ((e = s.next()) != null) {
          List<String> ids = new ArrayList<>();
          for (CompiledRule r : rules) {
            if (r.appliesTo(e) && r.matches(e)) {
              ids.add(r.rule().id());
            }
          }
          hits += ids.size();
          expected.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(new Seen(e.record(), ids));
        }
      } catch (org.sigmaworkbench.logs.LogFormatException ex) {
        throw new AssertionError(ex);
      }
    }
    assertThat(hits).as("hits in the corpus").isGreaterThan(500);
    assertThat(oneThread).isEqualTo(expected);
    assertThat(hunt(2)).isEqualTo(expected);
  }

  @Test
  void eachRegressionSetsRuleIsAmongTheHits() throws IOException {
    Map<String, List<Seen>> seen = hunt(2);
    for (SigmaRegressionCorpusTest.RegressionSet set : SigmaRegressionCorpusTest.sets()) {
      Path log = SigmaRegressionCorpusTest.logFile(set);
      String id =
          new RuleLoader()
              .load(TestFiles.corpus("sigma-regression").resolve(set.rulePath()))
              .firstRule()
              .orElseThrow()
              .id();
      long n =
          seen.get(log.getFileName().toString()).stream()
              .filter(s -> s.rules().contains(id))
              .count();
      assertThat(n)
          .as(set.name())
          .isGreaterThanOrEqualTo(set.matchCount() == null ? 1 : set.matchCount());
    }
  }

  /**
   * Hits only, as {@code test} runs: readers pass over records that hold none of the rules' text,
   * and the hunt still finds the same hits under the same event numbers and counts the same events,
   * for each regression set's rule with the headline rule, and for a few dozen rules at once.
   */
  @Test
  void huntingForHitsOnlyFindsTheSameHitsAndCountsEveryEvent() throws IOException {
    CompiledRule headline =
        CompiledRule.compile(
            new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
    List<List<CompiledRule>> ruleSets = new ArrayList<>();
    List<CompiledRule> regression = new ArrayList<>();
    for (SigmaRegressionCorpusTest.RegressionSet set : SigmaRegressionCorpusTest.sets()) {
      SigmaRule r =
          new RuleLoader()
              .load(TestFiles.corpus("sigma-regression").resolve(set.rulePath()))
              .firstRule()
              .orElseThrow();
      CompiledRule c = CompiledRule.compile(r);
      regression.add(c);
      ruleSets.add(List.of(c, headline));
    }
    ruleSets.add(
        regression.stream().filter(r -> Prefilter.needs(r.rule().condition()) != null).toList());
    long passedOver = 0;
    long hits = 0;
    for (List<CompiledRule> set : ruleSets) {
      for (int threads : new int[] {1, 2}) {
        Map<String, List<Seen>> all = new HashMap<>();
        Map<String, List<Seen>> hitsOnly = new HashMap<>();
        RunResult full = huntHits(set, RunOptions.allEvents().threads(threads), all);
        RunResult filtered = huntHits(set, RunOptions.onlyHits().threads(threads), hitsOnly);
        assertThat(hitsOnly).isEqualTo(all);
        assertThat(filtered.events()).isEqualTo(full.events());
        assertThat(filtered.eventsWithHits()).isEqualTo(full.eventsWithHits());
        for (int f = 0; f < full.logs().size(); f++) {
          assertThat(filtered.logs().get(f).events()).isEqualTo(full.logs().get(f).events());
          assertThat(filtered.logs().get(f).problems()).isEqualTo(full.logs().get(f).problems());
          assertThat(full.logs().get(f).passedOver()).isZero();
          passedOver += filtered.logs().get(f).passedOver();
        }
        hits += full.eventsWithHits();
      }
    }
    assertThat(hits).isGreaterThan(100);
    assertThat(passedOver).as("events passed over").isGreaterThan(10_000);
  }

  /** Runs a hunt, keeping the events that got hits. */
  private static RunResult huntHits(
      List<CompiledRule> set, RunOptions options, Map<String, List<Seen>> out) throws IOException {
    RunResult r =
        run(
            set,
            options,
            e -> {
              if (!e.hits().isEmpty()) {
                out.computeIfAbsent(e.event().file(), k -> new ArrayList<>())
                    .add(
                        new Seen(
                            e.event().record(),
                            e.hits().stream().map(h -> h.rule().rule().id()).toList()));
              }
            });
    assertThat(r.logs())
        .allSatisfy(f -> assertThat(f.error()).as(f.input().path().toString()).isNull());
    return r;
  }

  /** The rules over the corpus logs, matching on a pool of this test's own. */
  private static RunResult run(List<CompiledRule> set, RunOptions options, RunListener listener)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      return RuleRun.run(RunRequest.of(set, LogInput.files(logs()), options), listener, pool);
    } finally {
      pool.shutdownNow();
    }
  }
}
