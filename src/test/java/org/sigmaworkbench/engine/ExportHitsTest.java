package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The headline rule over one export of each tool: it hits the process creations whose command line
 * holds the cmdlet, from wherever the format keeps the command line, and nothing else.
 */
class ExportHitsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "evtxecmd.csv                 | 7 | 1 3 5 6",
        "eventviewer-sysmon.csv       | 4 | 1 2",
        "eventviewer-security.txt     | 4 | 2",
        "eventviewer-german.csv       | 2 | 1",
        "eventviewer-de-de.csv        | 3 | 1 3",
        "eventviewer-fr-fr.txt        | 3 | 1 3",
        "getwinevent-de-de.csv        | 2 | 1",
        "getwinevent-export.csv       | 3 | 1 3",
        "hayabusa-timeline.csv        | 4 | 1 3",
        "hayabusa-timeline.jsonl      | 4 | 1 3",
        "winlogbeat-ecs.ndjson        | 4 | 1 3",
        "winlogbeat-elastic-hits.json | 2 | 1",
        "chainsaw-hunt.json           | 1 | 1",
        "chainsaw-hunt-sigma.csv      | 3 | 1",
        "sysmon-wevtutil-rendered.xml | 2 | 1",
        "sysmon-evtx-dump.xml         | 2 | 1",
        "sysmon-eventviewer-utf16.xml | 2 | 1",
        "security-logons-and-4688.xml | 6 | 5",
        "sentinel-event-table.csv     | 3 | 1"
      })
  void headlineRuleHitsTheProcessCreationsWithTheCmdlet(String file, int events, String hits) {
    CompiledRule rule =
        CompiledRule.compile(
            new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
    List<Long> hitRecords = new ArrayList<>();
    LogResult r =
        OneLog.run(
            Path.of("src/test/resources/org/sigmaworkbench/logs", file),
            List.of(rule),
            (event, h) -> {
              if (!h.isEmpty()) {
                hitRecords.add(event.record());
              }
            });
    assertThat(r.error()).isNull();
    assertThat(r.events()).isEqualTo(events);
    List<Long> expected =
        hits == null
            ? List.of()
            : Arrays.stream(hits.trim().split(" ")).map(Long::valueOf).toList();
    assertThat(hitRecords).containsExactlyElementsOf(expected);
  }
}
