package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** A run keeps every hit and a window of events, counts the rest, and can be stopped. */
class TestRunTest {

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
    int events = TestRun.WINDOW + 20_000;
    Path p = csv(events, 1000);
    TestRun.Result r =
        TestRun.run(HEADLINE, List.of(), List.of(PendingLog.auto(p)), x -> {}, () -> false);
    assertThat(r.events()).isEqualTo(events);
    assertThat(r.hits()).isEqualTo(events / 1000);
    assertThat(r.truncated()).isTrue();
    long hitRows = r.rows().stream().filter(EventRow::hit).count();
    assertThat(hitRows).isEqualTo(events / 1000);
    assertThat(r.rows())
        .hasSize(
            TestRun.WINDOW
                + (int)
                    r.rows().stream()
                        .filter(EventRow::hit)
                        .filter(x -> x.event().record() > TestRun.WINDOW)
                        .count());
    assertThat(r.logs()).hasSize(1);
    assertThat(r.logs().get(0).cached()).hasSize(events);
  }

  @Test
  void aSecondRunUsesTheCachedEventsWithANewRule() throws IOException {
    Path p = csv(3000, 10);
    TestRun.Result first =
        TestRun.run(HEADLINE, List.of(), List.of(PendingLog.auto(p)), x -> {}, () -> false);
    TestRun.Result second = TestRun.run(null, first.logs(), List.of(), x -> {}, () -> false);
    assertThat(second.events()).isEqualTo(3000);
    assertThat(second.hits()).isZero();
    assertThat(second.rows()).hasSize(3000);
  }

  @Test
  void stopsWhenCancelled() throws IOException {
    Path p = csv(20_000, 10);
    AtomicInteger polls = new AtomicInteger();
    TestRun.Result r =
        TestRun.run(
            HEADLINE,
            List.of(),
            List.of(PendingLog.auto(p)),
            x -> {},
            () -> polls.incrementAndGet() > 1);
    assertThat(r.cancelled()).isTrue();
    assertThat(r.events()).isLessThan(20_000);
  }

  @Test
  void theUsersColumnMappingDecidesWhichColumnARuleReads() throws IOException {
    Path p = dir.resolve("odd.csv");
    Files.writeString(p, "host,cmd\nws1,powershell Export-Certificate -Cert x\nws2,cmd /c dir\n");
    TestRun.Result plain =
        TestRun.run(HEADLINE, List.of(), List.of(PendingLog.auto(p)), x -> {}, () -> false);
    assertThat(plain.hits()).isZero();
    assertThat(plain.logs().get(0).columns()).containsExactly("host", "cmd");
    ReadOptions mapped = ReadOptions.AUTO.withColumn("cmd", "CommandLine");
    TestRun.Result r =
        TestRun.run(HEADLINE, List.of(), List.of(new PendingLog(p, mapped)), x -> {}, () -> false);
    assertThat(r.hits()).isEqualTo(1);
    assertThat(r.logs().get(0).options()).isEqualTo(mapped);
    assertThat(r.logs().get(0).format()).contains("your column mapping");
  }

  @Test
  void unreadableFilesAreReportedAndOthersKept() throws IOException {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "words\n");
    TestRun.Result r =
        TestRun.run(
            HEADLINE,
            List.of(),
            List.of(PendingLog.auto(TestFiles.sample("sysmon-flat.jsonl")), PendingLog.auto(notes)),
            x -> {},
            () -> false);
    assertThat(r.logs()).extracting(LoadedLog::name).containsExactly("sysmon-flat.jsonl");
    assertThat(r.messages()).anyMatch(m -> m.contains("notes.txt"));
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
    int count = (int) (TestRun.CACHE_BYTES / 65536) + 300;
    org.sigmaworkbench.bench.EvtxBenchFile.write(big, chunks, count);
    assertThat(Files.size(big)).isGreaterThan(TestRun.CACHE_BYTES);
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
    assertThat(events).isGreaterThan(TestRun.WINDOW);
    assertThat(hits).hasSizeGreaterThan(100);
    assertThat(hits.get(hits.size() - 1)).isGreaterThan(TestRun.WINDOW);

    TestRun.Result r =
        TestRun.run(rule, List.of(), List.of(PendingLog.auto(big)), x -> {}, () -> false);
    assertThat(r.events()).isEqualTo(events);
    assertThat(r.hits()).isEqualTo(hits.size());
    assertThat(r.rows().stream().filter(EventRow::hit).map(x -> x.event().record()))
        .containsExactlyElementsOf(hits);
    assertThat(r.rows().stream().filter(x -> !x.hit()).map(x -> x.event().record()))
        .allMatch(n -> n <= TestRun.WINDOW)
        .hasSize(TestRun.WINDOW - (int) hits.stream().filter(n -> n <= TestRun.WINDOW).count());
    long all = events;
    assertThat(r.logs()).singleElement().satisfies(l -> assertThat(l.events()).isEqualTo(all));
    assertThat(r.truncated()).isTrue();
  }
}
