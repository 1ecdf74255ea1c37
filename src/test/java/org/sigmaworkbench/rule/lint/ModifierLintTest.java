package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.detection;
import static org.sigmaworkbench.rule.lint.LintFixtures.only;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;

/** How detection items combine modifiers. */
class ModifierLintTest {

  private static String selection(String body) {
    return detection("selection:\n" + body.indent(4) + "condition: selection\n");
  }

  @Test
  void allWithASingleValue() {
    RuleProblem p = only(selection("CommandLine|contains|all: whoami"), "lint.all-single-value");
    assertThat(p.position()).isEqualTo(new Position(17, 9));
    assertThat(codes(selection("CommandLine|contains|all: [a, b]")))
        .doesNotContain("lint.all-single-value");
  }

  @Test
  void allOnEqualityNeverMatches() {
    assertThat(only(selection("Image|all: [a.exe, b.exe]"), "lint.all-without-contains").message())
        .contains("'Image|contains|all'");
    assertThat(codes(selection("Image|all: [a.exe, A.EXE]")))
        .doesNotContain("lint.all-without-contains");
    assertThat(codes(selection("Image|all: ['C:\\*', '*\\b.exe']")))
        .doesNotContain("lint.all-without-contains");
    assertThat(codes(selection("Image|startswith|all: [a, ab]")))
        .doesNotContain("lint.all-without-contains");
  }

  @Test
  void windashWithAllAndBase64offsetWithoutContains() {
    assertThat(codes(selection("CommandLine|windash|contains|all: [' -a', ' -b']")))
        .contains("lint.windash-all");
    assertThat(codes(selection("CommandLine|base64offset: http")))
        .contains("lint.base64offset-without-contains");
    assertThat(codes(selection("CommandLine|base64offset|contains: http")))
        .doesNotContain("lint.base64offset-without-contains");
  }

  @Test
  void fieldNamesExpandAndSpellings() {

    assertThat(codes(selection("'Process Name': x"))).contains("lint.space-in-field");
    assertThat(codes(selection("ComputerName|expand: 'WS01'")))
        .contains("lint.expand-without-placeholder");
    assertThat(codes(selection("CommandLine|re|ignorecase: 'a.b'")))
        .contains("lint.modifier-spelling");
  }
}
