package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.detection;
import static org.sigmaworkbench.rule.lint.LintFixtures.only;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;

class ConditionLintTest {

  @Test
  void unusedIdentifierIsPointedAt() {
    RuleProblem p =
        only(
            detection("selection:\n    Image: a\nfilter:\n    User: b\ncondition: selection\n"),
            "lint.unused-identifier");
    assertThat(p.message()).contains("'filter'");
    assertThat(p.position()).isEqualTo(new Position(18, 5));
    assertThat(
            codes(
                detection(
                    "selection:\n    Image: a\nfilter_a:\n    User: b\nfilter_b:\n    User: c\n"
                        + "condition: selection and not 1 of filter_*\n")))
        .doesNotContain("lint.unused-identifier");
  }

  @Test
  void underscoreIdentifiersAreLeftOutOfThem() {
    assertThat(
            only(
                    detection("a:\n    Image: a\n_b:\n    User: b\ncondition: 1 of them\n"),
                    "lint.unused-identifier")
                .message())
        .contains("'_b'")
        .contains("starting with _");
  }

  @Test
  void allOfThemAndSingleIdentifierQuantifiers() {
    RuleProblem all =
        only(
            detection("a:\n    Image: a\nb:\n    User: b\ncondition: all of them\n"),
            "lint.all-of-them");
    assertThat(all.position()).isEqualTo(new Position(20, 16));
    assertThat(codes(detection("selection:\n    Image: a\ncondition: 1 of them\n")))
        .contains("lint.of-them-single");
    assertThat(codes(detection("sel1:\n    Image: a\ncondition: 1 of sel*\n")))
        .contains("lint.of-single-match");
    assertThat(codes(detection("selection_a:\n    Image: a\ncondition: all of selection_*\n")))
        .doesNotContain("lint.of-single-match");
    assertThat(codes(detection("selection:\n    Image: a\ncondition: 1 of selection\n")))
        .contains("lint.of-without-wildcard");
  }

  @Test
  void timeframeWithoutAggregation() {
    assertThat(codes(detection("selection:\n    Image: a\ntimeframe: 5m\ncondition: selection\n")))
        .contains("lint.timeframe");
  }
}
