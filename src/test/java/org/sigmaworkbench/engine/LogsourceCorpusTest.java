package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * With rules tried only on the events of their logsource, each SigmaHQ regression rule still hits
 * its own regression events (read from their evtx_dump JSON), and the headline rule hits none.
 */
class LogsourceCorpusTest {

  private static final Pattern SET =
      Pattern.compile(
          "\"rule_path\":\\s*\"([^\"]+)\".*?\"evtx\":\\s*\"([^\"]+)\",\\s*\"match_count\":\\s*(null|\\d+)",
          Pattern.DOTALL);

  @Test
  void everyRegressionRuleHitsItsEventsAndTheHeadlineRuleNone() throws Exception {
    Path root = TestFiles.corpus("sigma-regression");
    String index = Files.readString(root.resolve("index.json"));
    CompiledRule headline =
        CompiledRule.compile(
            new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
    Matcher m = SET.matcher(index);
    int sets = 0;
    while (m.find()) {
      sets++;
      Path rulePath = root.resolve(m.group(1));
      String evtx = m.group(2);
      Path json = root.resolve(evtx.substring(0, evtx.length() - ".evtx".length()) + ".json");
      int wanted = m.group(3).equals("null") ? 1 : Integer.parseInt(m.group(3));
      CompiledRule rule =
          CompiledRule.compile(new RuleLoader().load(rulePath).firstRule().orElseThrow());
      long[] hits = {0, 0};
      LogResult r =
          OneLog.run(
              json,
              List.of(rule, headline),
              (e, h) -> {
                for (Hit hit : h) {
                  hits[hit.rule() == rule ? 0 : 1]++;
                }
              });
      assertThat(r.error()).as(json.toString()).isNull();
      assertThat(hits[0]).as(rulePath + " on " + json).isGreaterThanOrEqualTo(wanted);
      assertThat(hits[1]).as("headline rule on " + json).isZero();
    }
    assertThat(sets).isGreaterThanOrEqualTo(30);
  }
}
