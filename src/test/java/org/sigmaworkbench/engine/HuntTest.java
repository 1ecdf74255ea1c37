package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class HuntTest {

  @TempDir Path dir;

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

  @Test
  void aRuleWithErrorsIsReportedAndTheOthersGoOn() {
    SigmaRule broken = rule("sel:\n  CommandLine|contians: x\ncondition: sel", "process_creation");
    Hunt.Compiled c =
        Hunt.compile(List.of(broken, headline()), List.of("broken.yml", "headline.yml"));
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
  void hitsAreCountedPerRuleAndDeliveredInLogOrder() {
    CompiledRule h = CompiledRule.compile(headline());
    CompiledRule svchost =
        CompiledRule.compile(
            rule("sel:\n  CommandLine|contains: svchost\ncondition: sel", "process_creation"));
    List<Long> records = new ArrayList<>();
    Hunt.Result r =
        new Hunt(List.of(h, svchost), new Hunt.Options(2, false))
            .run(
                List.of(
                    TestFiles.sample("sysmon-fields.csv"), TestFiles.sample("sysmon-flat.jsonl")),
                (event, hits, misses) -> {
                  records.add(event.record());
                  assertThat(misses).isEmpty();
                });
    assertThat(records).hasSize(24);
    assertThat(records.subList(0, 18)).isSorted();
    assertThat(r.rules()).extracting(Hunt.RuleHits::hits).containsExactly(10L, 1L);
    assertThat(r.events()).isEqualTo(24);
    assertThat(r.eventsWithHits()).isEqualTo(11);
  }

  @Test
  void missesAreExplainedOnRequestIncludingRulesForOtherEvents() {
    CompiledRule h = CompiledRule.compile(headline());
    CompiledRule dns =
        CompiledRule.compile(rule("sel:\n  QueryName: x\ncondition: sel", "dns_query"));
    List<String> summaries = new ArrayList<>();
    new Hunt(List.of(h, dns), new Hunt.Options(1, true))
        .run(
            List.of(TestFiles.sample("sysmon-flat.jsonl")),
            (event, hits, misses) -> {
              assertThat(hits.size() + misses.size()).isEqualTo(2);
              misses.forEach(m -> summaries.add(m.explanation().summary()));
            });
    assertThat(summaries).contains("selection did not match");
    assertThat(summaries)
        .contains(
            "the rule's logsource (category: dns_query) does not fit this event: process_creation"
                + " (Windows sysmon process_creation)");
  }

  @Test
  void progressIsReportedAndCancellationStops() throws Exception {
    Path big = dir.resolve("big.jsonl");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.append("{\"CommandLine\": \"powershell Export-Certificate -x ").append(i).append("\"}\n");
    }
    Files.writeString(big, b);
    AtomicInteger progress = new AtomicInteger();
    AtomicInteger seen = new AtomicInteger();
    Hunt.Result r =
        new Hunt(List.of(CompiledRule.compile(headline())), new Hunt.Options(2, false))
            .run(
                List.of(big),
                new Hunt.Listener() {
                  @Override
                  public void onEvent(Event event, List<Hit> hits, List<Miss> misses) {
                    seen.incrementAndGet();
                  }

                  @Override
                  public void onProgress(Path file, long bytesRead, long total) {
                    assertThat(bytesRead).isLessThanOrEqualTo(total);
                    progress.incrementAndGet();
                  }

                  @Override
                  public boolean cancelled() {
                    return seen.get() >= 1000;
                  }
                });
    assertThat(r.cancelled()).isTrue();
    assertThat(r.files().get(0).cancelled()).isTrue();
    assertThat(r.events()).isLessThan(5000);
    assertThat(progress.get()).isPositive();
  }

  @Test
  void anUnreadableLogIsReportedAndTheNextIsRead() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "hello\n");
    Hunt.Result r =
        new Hunt(List.of(CompiledRule.compile(headline())), Hunt.Options.defaults())
            .run(List.of(notes, TestFiles.sample("sysmon-flat.jsonl")), (e, h, m) -> {});
    assertThat(r.files().get(0).error()).contains("notes.txt");
    assertThat(r.files().get(1).error()).isNull();
    assertThat(r.eventsWithHits()).isEqualTo(2);
  }
}
