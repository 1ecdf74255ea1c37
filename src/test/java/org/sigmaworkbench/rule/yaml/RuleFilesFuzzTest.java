package org.sigmaworkbench.rule.yaml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.sigmaworkbench.FuzzInputs;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;

/**
 * The rule loader and the placeholder file reader on arbitrary text. Neither throws for bad input:
 * every problem is a {@link RuleProblem} with a position, so any exception, or an input that takes
 * over two seconds (.ci/fuzz), is a finding.
 */
class RuleFilesFuzzTest {

  static {
    FuzzInputs.warmUp(RuleFilesFuzzTest.class, new RuleFilesFuzzTest()::ruleText);
  }

  @FuzzTest
  void ruleText(byte[] bytes) throws Exception {
    FuzzInputs.withinTwoSeconds(() -> ruleTextBody(bytes));
  }

  private void ruleTextBody(byte[] bytes) {
    RuleFile file = new RuleLoader().load(new String(bytes, StandardCharsets.UTF_8), "fuzz.yml");
    for (RuleProblem p : file.problems()) {
      p.toString();
    }
  }

  @FuzzTest
  void placeholderFile(byte[] bytes) throws Exception {
    FuzzInputs.withinTwoSeconds(() -> placeholderFileBody(bytes));
  }

  private void placeholderFileBody(byte[] bytes) {
    PlaceholderFile.Loaded loaded = PlaceholderFile.read(new String(bytes, StandardCharsets.UTF_8));
    loaded.problems().forEach(RuleProblem::toString);
    new RuleLoader(loaded.table())
        .load(
            "title: t\nlogsource:\n  product: windows\ndetection:\n  sel:\n"
                + "    CommandLine|expand: '%Admins%'\n  condition: sel\n",
            "expand.yml");
    PlaceholderFile.write(loaded.table());
  }
}
