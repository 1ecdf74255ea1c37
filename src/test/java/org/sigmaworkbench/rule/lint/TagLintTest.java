package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.only;
import static org.sigmaworkbench.rule.lint.LintFixtures.with;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class TagLintTest {

  private static String tags(String... tags) {
    StringBuilder b = new StringBuilder("tags:\n");
    for (String t : tags) {
      b.append("    - ").append(t).append('\n');
    }
    return with("tags:\n    - attack.discovery\n    - attack.t1033\n", b.toString());
  }

  @Test
  void validTagsOfEveryNamespacePass() {
    assertThat(
            codes(
                tags(
                    "attack.t1059.001",
                    "attack.g0016",
                    "attack.s0002",
                    "attack.defense-impairment",
                    "attack.stealth",
                    "cve.2021-44228",
                    "car.2016-04-005",
                    "detection.threat-hunting",
                    "stp.3k",
                    "tlp.amber-strict",
                    "d3fend.d3-am")))
        .isEmpty();
  }

  @Test
  void formatNamespaceAndValue() {
    RuleProblem format = only(tags("attack.discovery", "Attack.T1033"), "lint.tag-format");
    assertThat(format.message()).contains("write 'attack.t1033'");
    assertThat(format.position()).isEqualTo(new Position(11, 7));
    assertThat(only(tags("mitre.t1033"), "lint.tag-namespace").message()).contains("'mitre'");
    List<String> values =
        codes(
            tags(
                "attack.t12345",
                "attack.foo",
                "cve.2021.44228",
                "car.2016-4-5",
                "detection.hunting",
                "stp.9",
                "tlp.purple"));
    assertThat(values).filteredOn("lint.tag-value"::equals).hasSize(7);
    assertThat(only(tags("attack.foo"), "lint.tag-value").message()).contains("stealth");
    assertThat(only(tags("attack.command_and_control"), "lint.attack-tactic-renamed").message())
        .contains("'attack.command-and-control'");
  }

  @Test
  void duplicatesAndDetectionTags() {
    assertThat(codes(tags("attack.t1033", "attack.t1033"))).contains("lint.tag-duplicate");
    assertThat(codes(tags("detection.dfir", "detection.threat-hunting")))
        .contains("lint.detection-tag");
    RuleFile hunting =
        new RuleLoader()
            .load(LintFixtures.CLEAN, "sigma/rules-threat-hunting/windows/whoami_hunt.yml");
    assertThat(new Linter().lint(hunting))
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("detection.threat-hunting"));
  }
}
