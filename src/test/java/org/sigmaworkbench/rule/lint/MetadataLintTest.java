package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.CLEAN;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.only;
import static org.sigmaworkbench.rule.lint.LintFixtures.with;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;

/** Identity, title, status, level, description, author, related, custom fields and dates. */
class MetadataLintTest {

  @Test
  void idMustBeThereAndBeARandomUuid() {
    assertThat(codes(with("id: 6f3e2987-db24-4c78-a860-b4f4095a7095\n", "")))
        .contains("lint.id-missing");
    RuleProblem p = only(with("6f3e2987-db24-4c78-a860-b4f4095a7095", "rule-1"), "lint.id-format");
    assertThat(p.position()).isEqualTo(new Position(2, 5));
    assertThat(p.message()).contains("'rule-1' is not a UUID");
    assertThat(
            only(
                    with(
                        "6f3e2987-db24-4c78-a860-b4f4095a7095",
                        "572b12d4-9062-11ed-a1eb-0242ac120002"),
                    "lint.id-version")
                .message())
        .contains("version 1");
  }

  @Test
  void titleLengthFollowsSigmaHqAndTheSpecification() {
    String t110 = "A".repeat(110);
    assertThat(codes(with("Suspicious Whoami Execution", t110)))
        .doesNotContain("lint.title-length");
    assertThat(only(with("Suspicious Whoami Execution", t110 + "B"), "lint.title-length").message())
        .contains("111 characters")
        .contains("110");
    assertThat(
            only(with("Suspicious Whoami Execution", "B".repeat(300)), "lint.title-length")
                .message())
        .contains("at most 256");
  }

  @Test
  void titleStyleAndCase() {
    assertThat(codes(with("Suspicious Whoami Execution", "Detects Whoami Execution")))
        .contains("lint.title-style");
    RuleProblem dot =
        only(with("Suspicious Whoami Execution", "Whoami Execution."), "lint.title-style");
    assertThat(dot.position()).isEqualTo(new Position(1, 24));
    RuleProblem lower =
        only(
            with("Suspicious Whoami Execution", "Suspicious whoami Execution via cmd"),
            "lint.title-case");
    assertThat(lower.message()).contains("'whoami', 'cmd'");
    assertThat(lower.position()).isEqualTo(new Position(1, 19));
    assertThat(codes(with("Suspicious Whoami Execution", "Whoami.exe Execution via CMD")))
        .doesNotContain("lint.title-case");
  }

  @Test
  void statusAndLevelValues() {
    assertThat(codes(with("status: test\n", ""))).contains("lint.status-missing");
    assertThat(only(with("status: test", "status: Test"), "lint.status-value").message())
        .contains("lower case: 'test'");
    assertThat(only(with("status: test", "status: stabel"), "lint.status-value").message())
        .contains("did you mean 'stable'");
    assertThat(codes(with("level: high\n", ""))).contains("lint.level-missing");
    RuleProblem level = only(with("level: high", "level: severe"), "lint.level-value");
    assertThat(level.position().line()).isEqualTo(21);
  }

  @Test
  void descriptionAndAuthor() {
    assertThat(
            codes(
                with(
                    "description: Detects a whoami.exe execution, often the first step of discovery\n",
                    "")))
        .contains("lint.description-missing");
    assertThat(
            codes(
                with(
                    "Detects a whoami.exe execution, often the first step of discovery", "Whoami")))
        .contains("lint.description-length");
    assertThat(codes(with("author: Jane Doe\n", ""))).contains("lint.author-missing");
  }

  @Test
  void relatedEntries() {
    String text =
        with(
            "status: test\n",
            "status: test\nrelated:\n    - id: not-a-uuid\n      type: derived\n    - id:"
                + " 929a690e-bef0-4204-a928-ef5e620d6fcc\n      type: copied\n");
    assertThat(codes(text)).filteredOn("lint.related"::equals).hasSize(2);
  }

  @Test
  void customFieldsThatLookLikeSpecificationFields() {
    RuleProblem p = only(with("level: high", "level: high\nrealted: []"), "lint.custom-field");
    assertThat(p.message()).contains("'related'");
    assertThat(p.position()).isEqualTo(new Position(22, 1));
    assertThat(codes(with("level: high", "level: high\nTags: [x]"))).contains("lint.custom-field");
    assertThat(codes(with("level: high", "level: high\nsimulation: [x]")))
        .doesNotContain("lint.custom-field");
  }

  @Test
  void datesAreIsoCalendarDaysInOrder() {
    assertThat(codes(with("date: 2024-01-15\n", ""))).contains("lint.date-missing");
    assertThat(only(with("date: 2024-01-15", "date: 2024/01/15"), "lint.date-format").message())
        .contains("2024-01-15");
    assertThat(only(with("date: 2024-01-15", "date: 2024-02-30"), "lint.date-format").message())
        .contains("not a calendar day");
    assertThat(codes(with("date: 2024-01-15", "date: 2024-01-15\nmodified: 2023-12-01")))
        .contains("lint.date-order");
    assertThat(codes(with("date: 2024-01-15", "date: 2024-01-15\nmodified: 2024-01-15")))
        .contains("lint.modified-redundant");
    assertThat(codes(with("date: 2024-01-15", "modified: 2024-01-15")))
        .contains("lint.modified-without-date")
        .doesNotContain("lint.date-missing");
  }

  @Test
  void textLists() {
    String twice =
        with(
            "    - https://example.org/whoami\n",
            "    - https://example.org/whoami\n    - https://example.org/whoami\n");
    RuleProblem dup = only(twice, "lint.list-duplicate");
    assertThat(dup.position()).isEqualTo(new Position(7, 7));
    assertThat(
            codes(
                with(
                    "https://example.org/whoami",
                    "https://github.com/SigmaHQ/sigma/blob/master/README.md")))
        .contains("lint.reference-permalink");
    assertThat(
            codes(
                with(
                    "https://example.org/whoami",
                    "https://github.com/SigmaHQ/sigma/blob/bd2a4c37efde5f69f87040173e990f1f6ff9e234/README.md")))
        .doesNotContain("lint.reference-permalink");
    assertThat(
            codes(with("https://example.org/whoami", "https://attack.mitre.org/techniques/T1033/")))
        .contains("lint.reference-attack-link");
    assertThat(codes(with("    - Unknown", "    - unknown admin use")))
        .contains("lint.falsepositives");
    assertThat(codes(with("    - Unknown", "    - None"))).contains("lint.falsepositives");
    assertThat(codes(with("    - Unknown", "    - Unkown"))).contains("lint.falsepositives");
  }

  @Test
  void cleanRuleIsQuiet() {
    assertThat(codes(CLEAN)).isEmpty();
  }
}
