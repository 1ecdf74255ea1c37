package org.sigmaworkbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** The run API on its own: no window, no command line, executors of the test's making. */
class RuleRunTest {

  @TempDir Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static SigmaRule rule(String detection, String category) {
    return new RuleLoader()
        .load(
            "title: t\nlogsource:\n  category: "
                + category
                + "\ndetection:\n"
                + detection.indent(2),
            "t.yml")
        .firstRule()
        .orElseThrow();
  }

  private static SigmaRule headline() {
    return new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow();
  }

  private static final Path FIELDS = TestFiles.sample("sysmon-fields.csv");
  private static final Path FLAT = TestFiles.sample("sysmon-flat.jsonl");

  private static CompiledRule svchost() {
    return CompiledRule.compile(
        rule("sel:\n  CommandLine|contains: svchost\ncondition: sel", "process_creation"));
  }

  /** Events given to the listener, in order. */
  private static final class Seen implements RunListener {
    final List<RunEvent> events = new ArrayList<>();
    final List<Progress> progress = new ArrayList<>();
    final List<LogResult> logs = new ArrayList<>();
    RunResult done;

    @Override
    public void onEvent(RunEvent event) {
      events.add(event);
    }

    @Override
    public void onProgress(Progress p) {
      progress.add(p);
    }

    @Override
    public void onLog(LogResult log) {
      logs.add(log);
    }

    @Override
    public void onDone(RunResult result) {
      done = result;
    }

    long hits() {
      return events.stream().filter(e -> !e.hits().isEmpty()).count();
    }
  }

  @Test
  void aRuleWithErrorsIsReportedAndTheOthersAreCompiled() {
    SigmaRule broken = rule("sel:\n  CommandLine|contians: x\ncondition: sel", "process_creation");
    CompiledRule.Compiled c =
        CompiledRule.compileAll(List.of(broken, headline()), List.of("broken.yml", "headline.yml"));
    assertThat(c.rules()).hasSize(1);
    assertThat(c.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.source()).isEqualTo("broken.yml");
              assertThat(f.message()).contains("contians");
            });
  }

  @Test
  void manyRulesOverSeveralLogsAreCountedPerRuleAndGivenInLogOrder() {
    CompiledRule h = CompiledRule.compile(headline());
    CompiledRule s = svchost();
    Seen seen = new Seen();
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                List.of(h, s),
                LogInput.files(List.of(FIELDS, FLAT)),
                RunOptions.allEvents().threads(3)),
            seen,
            pool);
    assertThat(seen.events).hasSize(24);
    assertThat(seen.events.subList(0, 18)).extracting(e -> e.event().record()).isSorted();
    assertThat(seen.events.subList(0, 18))
        .allMatch(e -> e.event().file().equals("sysmon-fields.csv"));
    assertThat(r.rules()).extracting(RunResult.RuleHits::hits).containsExactly(10L, 1L);
    assertThat(r.events()).isEqualTo(24);
    assertThat(r.eventsWithHits()).isEqualTo(11);
    assertThat(r.hits()).isEqualTo(11);
    assertThat(seen.logs).extracting(LogResult::events).containsExactly(18L, 6L);
    assertThat(seen.done).isSameAs(r);
  }

  @Test
  void oneThreadAndManyGiveTheSameEventsAndHits() {
    List<CompiledRule> rules = List.of(CompiledRule.compile(headline()), svchost());
    List<LogInput> logs = LogInput.files(List.of(FIELDS, FLAT));
    Seen one = new Seen();
    Seen many = new Seen();
    RuleRun.run(RunRequest.of(rules, logs, RunOptions.allEvents()), one, Runnable::run);
    RuleRun.run(RunRequest.of(rules, logs, RunOptions.allEvents().threads(4)), many, pool);
    assertThat(many.events)
        .extracting(e -> e.event().file() + "#" + e.event().record() + ":" + e.hits().size())
        .containsExactlyElementsOf(
            one.events.stream()
                .map(e -> e.event().file() + "#" + e.event().record() + ":" + e.hits().size())
                .toList());
  }

  @Test
  void theRunUsesOnlyTheExecutorItIsGiven() {
    AtomicInteger tasks = new AtomicInteger();
    Executor counting =
        r -> {
          tasks.incrementAndGet();
          pool.execute(r);
        };
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                List.of(LogInput.file(FIELDS)),
                RunOptions.onlyHits().threads(2)),
            RunListener.none(),
            counting);
    assertThat(tasks.get()).isPositive();
    assertThat(r.eventsWithHits()).isEqualTo(8);
    // A direct executor runs everything on the caller's thread.
    RunResult direct =
        RuleRun.run(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                List.of(LogInput.file(FIELDS)),
                RunOptions.onlyHits().threads(2)),
            RunListener.none(),
            Runnable::run);
    assertThat(direct.eventsWithHits()).isEqualTo(8);
  }

  @Test
  void hitsOnlyGivesTheEventsWithHitsAndCountsEveryEvent() {
    List<CompiledRule> rules = List.of(CompiledRule.compile(headline()));
    List<LogInput> logs = LogInput.files(List.of(FIELDS, FLAT));
    Seen all = new Seen();
    Seen hits = new Seen();
    RunResult everyEvent =
        RuleRun.run(RunRequest.of(rules, logs, RunOptions.allEvents()), all, pool);
    RunResult onlyHits = RuleRun.run(RunRequest.of(rules, logs, RunOptions.onlyHits()), hits, pool);
    assertThat(all.events).hasSize(24);
    assertThat(hits.events).hasSize(10).allMatch(e -> !e.hits().isEmpty());
    assertThat(hits.events)
        .extracting(e -> e.event().file() + "#" + e.event().record())
        .containsExactlyElementsOf(
            all.events.stream()
                .filter(e -> !e.hits().isEmpty())
                .map(e -> e.event().file() + "#" + e.event().record())
                .toList());
    assertThat(onlyHits.events()).isEqualTo(everyEvent.events()).isEqualTo(24);
    assertThat(onlyHits.truncated()).isFalse();
  }

  @Test
  void missesAreExplainedOnRequestIncludingRulesForOtherEvents() {
    CompiledRule h = CompiledRule.compile(headline());
    CompiledRule dns =
        CompiledRule.compile(rule("sel:\n  QueryName: x\ncondition: sel", "dns_query"));
    Seen seen = new Seen();
    RuleRun.run(
        RunRequest.of(
            List.of(h, dns),
            List.of(LogInput.file(FLAT)),
            RunOptions.onlyHits().explainMisses(true)),
        seen,
        pool);
    assertThat(seen.events).hasSize(6);
    assertThat(seen.events).allMatch(e -> e.hits().size() + e.misses().size() == 2);
    List<String> summaries =
        seen.events.stream()
            .flatMap(e -> e.misses().stream())
            .map(m -> m.explanation().summary())
            .toList();
    assertThat(summaries).contains("selection did not match");
    assertThat(summaries)
        .contains(
            "the rule's logsource (category: dns_query) does not fit this event: process_creation"
                + " (Windows sysmon process_creation)");
  }

  @Test
  void limitsKeepEventsAndHitsFromTheListenerButNotFromTheCounts() {
    Seen seen = new Seen();
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                List.of(LogInput.file(FIELDS)),
                RunOptions.allEvents().limits(4, 3)),
            seen,
            pool);
    assertThat(r.events()).isEqualTo(18);
    assertThat(r.eventsWithHits()).isEqualTo(8);
    assertThat(r.truncated()).isTrue();
    assertThat(seen.hits()).isEqualTo(3);
    // Events without hits are given while they are among the first four events of the run.
    assertThat(seen.events.stream().filter(e -> e.hits().isEmpty()))
        .allMatch(e -> e.event().record() <= 4)
        .isNotEmpty();
    RunResult unlimited =
        RuleRun.run(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                List.of(LogInput.file(FIELDS)),
                RunOptions.allEvents()),
            RunListener.none(),
            pool);
    assertThat(unlimited.truncated()).isFalse();
  }

  @Test
  void keptLogsRunAgainWithoutReadingTheFile() throws Exception {
    Path copy = Files.copy(FIELDS, dir.resolve("copy.csv"));
    RunResult first =
        RuleRun.run(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                List.of(LogInput.file(copy)),
                RunOptions.allEvents().keepLogs(1 << 20, 1000)),
            RunListener.none(),
            pool);
    LogResult log = first.logs().get(0);
    assertThat(log.kept()).hasSize(18);
    Files.delete(copy);
    Seen seen = new Seen();
    RunResult again =
        RuleRun.run(
            RunRequest.of(
                List.of(svchost()),
                List.of(LogInput.events(copy, log.input().options(), log.kept())),
                RunOptions.allEvents()),
            seen,
            pool);
    assertThat(again.events()).isEqualTo(18);
    assertThat(again.eventsWithHits()).isEqualTo(1);
    assertThat(seen.events).hasSize(18);
  }

  @Test
  void progressNamesTheFileAndGrowsToTheTotal() {
    Seen seen = new Seen();
    RuleRun.run(
        RunRequest.of(
            List.of(CompiledRule.compile(headline())),
            LogInput.files(List.of(FIELDS, FLAT)),
            RunOptions.onlyHits()),
        seen,
        pool);
    assertThat(seen.progress).isNotEmpty();
    assertThat(seen.progress).extracting(Progress::bytesRead).isSorted();
    assertThat(seen.progress).extracting(Progress::file).contains(FIELDS, FLAT);
    Progress last = seen.progress.get(seen.progress.size() - 1);
    assertThat(last.bytesRead()).isEqualTo(last.totalBytes());
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(last.events()).isEqualTo(24);
  }

  @Test
  void cancellingTheFutureStopsTheRunMidway() throws Exception {
    Path big = dir.resolve("big.jsonl");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      b.append("{\"CommandLine\": \"powershell Export-Certificate -x ").append(i).append("\"}\n");
    }
    Files.writeString(big, b);
    AtomicReference<Future<RunResult>> run = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    RunListener listener =
        new RunListener() {
          @Override
          public void onEvent(RunEvent e) {
            if (seen.incrementAndGet() == 300) {
              try {
                started.await();
              } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
              }
              run.get().cancel(false);
            }
          }

          @Override
          public void onDone(RunResult r) {
            done.incrementAndGet();
          }
        };
    run.set(
        RuleRun.start(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                List.of(LogInput.file(big)),
                RunOptions.allEvents().threads(2)),
            listener,
            pool));
    started.countDown();
    Assertions.assertThatThrownBy(() -> run.get().get(10, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen.get()).isGreaterThanOrEqualTo(300).isLessThan(20_000);
    assertThat(done.get()).isZero();
  }

  @Test
  void anUnreadableLogIsReportedAndTheNextIsRead() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "hello\n");
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                List.of(CompiledRule.compile(headline())),
                LogInput.files(List.of(notes, FLAT)),
                RunOptions.onlyHits()),
            RunListener.none(),
            pool);
    assertThat(r.logs().get(0).error()).contains("notes.txt");
    assertThat(r.logs().get(1).error()).isNull();
    assertThat(r.unreadable()).isEqualTo(1);
    assertThat(r.eventsWithHits()).isEqualTo(2);
  }

  @Test
  void hitsOutsideTheTargetsReachAreGivenWithWhyAndNotCounted() {
    Seen seen = new Seen();
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                    List.of(CompiledRule.compile(headline())),
                    List.of(LogInput.file(FIELDS)),
                    RunOptions.onlyHits())
                .withReach((rule, e) -> e.record() % 3 == 0 ? "not in the table" : null),
            seen,
            pool);
    long outside = seen.events.stream().filter(e -> e.outside(0) != null).count();
    assertThat(outside).isPositive().isLessThan(8);
    assertThat(seen.events).allMatch(e -> (e.outside(0) != null) == (e.event().record() % 3 == 0));
    assertThat(r.outside()).isEqualTo(outside);
    assertThat(r.hitsInReach()).isEqualTo(8 - outside);
    assertThat(r.rules().get(0).listedInReach()).isEqualTo(8 - outside);
  }

  private static final String CORRELATION =
      "title: Several certificate exports\nid: 33333333-3333-4333-8333-333333333333\n"
          + "correlation:\n  type: event_count\n  rules: [9e716b33-63b2-46da-86a4-bd3c3b9b5dfb]\n"
          + "  group-by: [Computer]\n  timespan: 1d\n  condition:\n    gte: 2\n";

  @Test
  void correlationsRunOverTheHitsOfTheRulesTheyName() {
    SigmaRule base = headline();
    List<RuleDocument> docs = new ArrayList<>();
    docs.add(base);
    docs.addAll(new RuleLoader().load(CORRELATION, "c.yml").documents());
    Correlations correlations = Correlations.of(docs);
    assertThat(correlations.problems()).isEmpty();

    // The base rule among the rules, its hits folded into the correlation.
    Seen folded = new Seen();
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                    List.of(CompiledRule.compile(base), svchost()),
                    List.of(LogInput.file(FIELDS)),
                    RunOptions.onlyHits().foldCorrelatedHits(true))
                .withCorrelations(correlations),
            folded,
            pool);
    assertThat(r.correlationHits())
        .singleElement()
        .satisfies(h -> assertThat(h.events()).hasSize(8));
    assertThat(r.folded()).isEqualTo(8);
    assertThat(folded.events).hasSize(1);
    assertThat(RunWords.correlations(r.correlationHits().size(), 1, r.folded()))
        .isEqualTo(
            "1 correlation hit of 1 correlation (8 hits of correlated rules not listed on their own)");

    // Only another rule asked for: the base rule is matched for the correlation alone.
    Seen other = new Seen();
    RunResult alone =
        RuleRun.run(
            RunRequest.of(
                    List.of(svchost()), List.of(LogInput.file(FIELDS)), RunOptions.allEvents())
                .withCorrelations(correlations),
            other,
            pool);
    assertThat(alone.correlationHits())
        .singleElement()
        .satisfies(h -> assertThat(h.events()).hasSize(8));
    assertThat(alone.eventsWithHits()).isEqualTo(1);
    assertThat(other.hits()).isEqualTo(1);
  }

  @Test
  void runSentencesAreWordedOnce() {
    assertThat(RunWords.count(1, "hit")).isEqualTo("1 hit");
    assertThat(RunWords.count(2, "hit")).isEqualTo("2 hits");
    assertThat(RunWords.count(0, "event")).isEqualTo("0 events");
    assertThat(RunWords.hitsIn(8, 18, null, 0, null)).isEqualTo("8 hits in 18 events");
    assertThat(RunWords.hitsIn(1, 1, "a.csv", 0, null)).isEqualTo("1 hit in 1 event (a.csv)");
    assertThat(RunWords.hitsIn(0, 18, null, 8, RunWords.query("Microsoft Defender XDR")))
        .isEqualTo(
            "0 hits in 18 events; 8 more outside the reach of the Microsoft Defender XDR query");
    assertThat(RunWords.hunt(1219, 343, 2407, 8255, 929, 0, null))
        .isEqualTo("1219 hits by 343 of 2407 rules in 8255 events (929 events hit)");
    assertThat(RunWords.truncated(50_000))
        .isEqualTo(" — showing the hits and the first 50000 events");
    assertThat(RunWords.stopped("8 hits in 18 events")).isEqualTo("Stopped. 8 hits in 18 events");
  }
}
