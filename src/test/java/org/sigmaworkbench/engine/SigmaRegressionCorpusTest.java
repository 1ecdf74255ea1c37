package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * SigmaHQ's regression sets: each rule hits the events recorded for it at least {@code match_count}
 * times (at least once when the set gives no count), and the headline rule hits none of them (the
 * nearest neighbour, {@code certutil -exportPFX}, included).
 */
class SigmaRegressionCorpusTest {

  /** One regression set of {@code index.json}. */
  record RegressionSet(
      String name, String rulePath, String evtxPath, Integer matchCount, int records) {}

  private static Path root() {
    return TestFiles.corpus("sigma-regression");
  }

  /** The log read for a set: its native .evtx file. */
  static Path logFile(RegressionSet set) {
    return root().resolve(set.evtxPath());
  }

  static List<RegressionSet> sets() throws IOException {
    List<RegressionSet> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(root().resolve("index.json").toFile())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("sets")) {
          p.nextToken();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String rule = null;
            String evtx = null;
            Integer count = null;
            int records = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              JsonToken t = p.nextToken();
              switch (key) {
                case "set" -> name = p.getText();
                case "rule_path" -> rule = p.getText();
                case "evtx" -> evtx = p.getText();
                case "match_count" -> count = t == JsonToken.VALUE_NULL ? null : p.getIntValue();
                case "records" -> records = p.getIntValue();
                default -> p.skipChildren();
              }
            }
            out.add(new RegressionSet(name, rule, evtx, count, records));
          }
        }
      }
    }
    return out;
  }

  private static SigmaRule load(Path file) {
    SigmaRule r = new RuleLoader().load(file).firstRule().orElseThrow();
    assertThat(r.problems()).filteredOn(p -> p.isError()).as(file.toString()).isEmpty();
    return r;
  }

  @TestFactory
  Stream<DynamicTest> eachRuleHitsItsEventsAndTheHeadlineRuleNone() throws IOException {
    List<RegressionSet> sets = sets();
    assertThat(sets).hasSize(32);
    CompiledRule headline = CompiledRule.compile(load(TestFiles.HEADLINE_RULE));
    return sets.stream()
        .map(
            set ->
                DynamicTest.dynamicTest(
                    set.name(),
                    () -> {
                      CompiledRule rule =
                          CompiledRule.compile(load(root().resolve(set.rulePath())));
                      int[] hits = new int[2];
                      LogResult r =
                          OneLog.run(
                              logFile(set),
                              List.of(rule, headline),
                              (event, h) -> {
                                assertThat(event.schema().layout().category())
                                    .isEqualTo("process_creation");
                                for (Hit hit : h) {
                                  hits[hit.rule() == rule ? 0 : 1]++;
                                  assertThat(hit.explanation().matched()).isTrue();
                                }
                              });
                      assertThat(r.error()).isNull();
                      assertThat(r.problems()).isEmpty();
                      assertThat(r.events()).isEqualTo(set.records());
                      assertThat(hits[0])
                          .as("hits of %s", set.rulePath())
                          .isGreaterThanOrEqualTo(set.matchCount() == null ? 1 : set.matchCount());
                      assertThat(hits[1]).as("hits of the headline rule").isZero();
                    }));
  }
}
