package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** The files of sample-logs/ give the hits their README promises for the headline rule. */
class SampleLogsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sysmon-fields.csv           | 18 | 1 3 5 7 9 11 13 15",
        "sentinel-asim-export.csv    | 8  | 1 2 3",
        "defender-process-events.csv | 7  | 1 2 3",
        "security-4688-wevtutil.xml  | 6  | 1 2 3",
        "sysmon-eventviewer.xml      | 5  | 1 2",
        "sysmon-flat.jsonl           | 6  | 1 2",
        "evtx-dump.jsonl             | 5  | 1 2"
      })
  void headlineRuleHitsExactlyTheTruePositives(String file, int events, String hits) {
    CompiledRule rule =
        CompiledRule.compile(
            new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
    List<Long> hitRecords = new ArrayList<>();
    LogResult r =
        OneLog.run(
            Path.of("sample-logs", file),
            List.of(rule),
            (event, h) -> {
              if (!h.isEmpty()) {
                hitRecords.add(event.record());
              }
            });
    assertThat(r.error()).isNull();
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).isEqualTo(events);
    assertThat(hitRecords)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(hits.split(" ")).map(Long::valueOf).toList());
  }
}
