package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunEvent;
import org.sigmaworkbench.engine.run.RunRequest;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The test pane's runs ({@link WorkbenchModel#RUN_OPTIONS}): every hit and a window of events as
 * rows, the rest counted; small logs kept for the next run.
 */
class TestPaneRunTest {

  private static final long WINDOW = WorkbenchModel.RUN_OPTIONS.maxEvents();
  private static final long CACHE_BYTES = WorkbenchModel.RUN_OPTIONS.keepBytes();

  /** A pass of the pane: the result and the rows it gave. */
  private record Pass(RunResult result, List<RunEvent> rows) {
    long hits() {
      return result.eventsWithHits();
    }

    long events() {
      return result.events();
    }

    LogResult log(int i) {
      return result.logs().get(i);
    }
  }

  private static Pass run(CompiledRule rule, LogInput... logs) {
    List<RunEvent> rows = new ArrayList<>();
    RunResult r =
        RuleRun.run(
            RunRequest.of(
                rule == null ? List.of() : List.of(rule),
                List.of(logs),
                WorkbenchModel.RUN_OPTIONS),
            rows::add,
            Runnable::run);
    return new Pass(r, rows);
  }

  private static boolean hit(RunEvent e) {
    return !e.hits().isEmpty();
  }

  @TempDir Path dir;

  private static final CompiledRule HEADLINE =
      CompiledRule.compile(
          new RuleLoader().load(TestFiles.headlineRuleText(), "h.yml").firstRule().orElseThrow());

  private Path csv(int events, int hitEvery) throws IOException {
    Path p = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("Image,CommandLine\n");
      for (int i = 1; i <= events; i++) {
        w.write(
            i % hitEvery == 0
                ? "p.exe,Export-PfxCertificate -Cert " + i + "\n"
                : "c.exe,cmd /c echo " + i + "\n");
      }
    }
    return p;
  }

  @Test
  void keepsAllHitsAndTheFirstWindowOfEvents() throws IOException {
    int events = (int) WINDOW + 20_000;
    Path p = csv(events, 1000);
    Pass r = run(HEADLINE, LogInput.file(p));
    assertThat(r.events()).isEqualTo(events);
    assertThat(r.hits()).isEqualTo(events / 1000);
    assertThat(r.result().truncated()).isTrue();
    long hitRows = r.rows().stream().filter(TestPaneRunTest::hit).count();
    assertThat(hitRows).isEqualTo(events / 1000);
    assertThat(r.rows())
        .hasSize(
            (int) WINDOW
                + (int)
                    r.rows().stream()
                        .filter(TestPaneRunTest::hit)
                        .filter(x -> x.event().record() > WINDOW)
                        .count());
    assertThat(r.result().logs()).hasSize(1);
    assertThat(r.log(0).kept()).hasSize(events);
  }

  @Test
  void aSecondRunUsesTheCachedEventsWithANewRule() throws IOException {
    Path p = csv(3000, 10);
    Pass first = run(HEADLINE, LogInput.file(p));
    Pass second = run(null, LogInput.events(p, ReadOptions.AUTO, first.log(0).kept()));
    assertThat(second.events()).isEqualTo(3000);
    assertThat(second.hits()).isZero();
    assertThat(second.rows()).hasSize(3000);
    assertThat(second.log(0).format()).isNull();
  }

  @Test
  void theUsersColumnMappingDecidesWhichColumnARuleReads() throws IOException {
    Path p = dir.resolve("odd.csv");
    Files.writeString(p, "host,cmd\nws1,powershell Export-Certificate -Cert x\nws2,cmd /c dir\n");
    Pass plain = run(HEADLINE, LogInput.file(p));
    assertThat(plain.hits()).isZero();
    assertThat(plain.log(0).columns()).containsExactly("host", "cmd");
    ReadOptions mapped = ReadOptions.AUTO.withColumn("cmd", "CommandLine");
    Pass r = run(HEADLINE, LogInput.file(p, mapped));
    assertThat(r.hits()).isEqualTo(1);
    assertThat(r.log(0).input().options()).isEqualTo(mapped);
    assertThat(r.log(0).format()).contains("your column mapping");
  }

  @Test
  void unreadableFilesAreReportedAndOthersKept() throws IOException {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "words\n");
    Pass r =
        run(HEADLINE, LogInput.file(TestFiles.sample("sysmon-flat.jsonl")), LogInput.file(notes));
    assertThat(r.log(0).error()).isNull();
    assertThat(r.log(1).format()).isNull();
    assertThat(r.log(1).error()).contains("notes.txt");
    assertThat(r.hits()).isEqualTo(2);
  }

  /**
   * A .evtx too large to keep in memory is read with the rule's text as a filter past the window of
   * rows: the hits, their event numbers, the rows of the window and the count of events are those
   * of reading every record.
   */
  @Test
  void aLargeEvtxPassedOverPastTheWindowGivesTheHitsAndCountsOfAFullRead() throws Exception {
    Path big = dir.resolve("big.evtx");
    List<byte[]> chunks =
        org.sigmaworkbench.bench.EvtxBenchFile.cleanChunks(TestFiles.corpus("evtx"));
    int count = (int) (CACHE_BYTES / 65536) + 300;
    org.sigmaworkbench.bench.EvtxBenchFile.write(big, chunks, count);
    assertThat(Files.size(big)).isGreaterThan(CACHE_BYTES);
    String yaml =
        String.join(
            "\n",
            "title: ping of localhost",
            "logsource:",
            "  category: process_creation",
            "  product: windows",
            "detection:",
            "  selection:",
            "    CommandLine|contains: 'ping  -n 6 127.0.0.1'",
            "  condition: selection",
            "");
    CompiledRule rule =
        CompiledRule.compile(new RuleLoader().load(yaml, "p.yml").firstRule().orElseThrow());
    long events = 0;
    List<Long> hits = new java.util.ArrayList<>();
    try (var s = org.sigmaworkbench.logs.detect.LogReaders.open(big)) {
      org.sigmaworkbench.logs.Event e;
      while ((e = s.next()) != null) {
        events++;
        if (rule.appliesTo(e) && rule.matches(e)) {
          hits.add(e.record());
        }
      }
    }
    assertThat(events).isGreaterThan(WINDOW);
    assertThat(hits).hasSizeGreaterThan(100);
    assertThat(hits.get(hits.size() - 1)).isGreaterThan(WINDOW);

    Pass r = run(rule, LogInput.file(big));
    assertThat(r.events()).isEqualTo(events);
    assertThat(r.hits()).isEqualTo(hits.size());
    assertThat(r.rows().stream().filter(TestPaneRunTest::hit).map(x -> x.event().record()))
        .containsExactlyElementsOf(hits);
    assertThat(r.rows().stream().filter(x -> !hit(x)).map(x -> x.event().record()))
        .allMatch(n -> n <= WINDOW)
        .hasSize((int) WINDOW - (int) hits.stream().filter(n -> n <= WINDOW).count());
    long all = events;
    assertThat(r.result().logs())
        .singleElement()
        .satisfies(l -> assertThat(l.events()).isEqualTo(all));
    assertThat(r.log(0).passedOver()).isPositive();
    assertThat(r.result().truncated()).isTrue();
  }
}
