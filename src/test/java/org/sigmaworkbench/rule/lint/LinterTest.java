package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.CLEAN;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.lint;
import static org.sigmaworkbench.rule.lint.LintFixtures.load;
import static org.sigmaworkbench.rule.lint.LintFixtures.with;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class LinterTest {

  @Test
  void aCleanRuleHasNoWarnings() {
    assertThat(lint(CLEAN)).isEmpty();
  }

  @Test
  void theHeadlineRuleHasNoWarnings() {
    RuleFile f = new RuleLoader().load(TestFiles.HEADLINE_RULE);
    assertThat(new Linter().lint(f)).isEmpty();
  }

  @Test
  void everyWarningIsAWarningWhoseCodeIsARegisteredCheck() {
    String messy =
        """
        title: detects bad things.
        id: 123
        status: Testing
        description: short
        date: 2024/13/01
        modified: 2023-01-01
        tags:
            - attack.defense_evasion
            - attack.defense_evasion
            - foo.bar
            - Attack T1059
        logsource:
            category: Process Creation
            product: windows
            vendor: acme
        detection:
            selection:
                CommandLine|contains|all: x
                Image: ['*\\cmd.exe', '*\\cmd.exe']
            unused:
                User: 'NT AUTHORITY\\SYSTEM'
            condition: all of them
        falsepositives:
            - none
        level: severe
        realted: []
        """;
    List<RuleProblem> warnings = lint(messy);
    assertThat(warnings).hasSizeGreaterThan(15);
    assertThat(warnings).allMatch(p -> !p.isError());
    assertThat(warnings).allMatch(p -> Linter.isCheck(p.code()), "registered");
    assertThat(warnings).allMatch(p -> p.line() > 0, "positioned");
  }

  @Test
  void checkIdsAreUniqueAndNamespaced() {
    List<LintCheck> checks = Linter.checks();
    Set<String> ids = new HashSet<>();
    for (LintCheck c : checks) {
      assertThat(ids.add(c.id())).as(c.id()).isTrue();
      assertThat(c.id()).matches("lint\\.[a-z0-9-]+");
      assertThat(c.description()).isNotBlank();
    }
    assertThat(checks).hasSizeGreaterThan(40);
  }

  @Test
  void catalogueStatesTheLimitsAndValuesTheChecksUse() {
    assertThat(description("lint.filename"))
        .contains(FileLint.MIN_NAME + " to " + FileLint.MAX_NAME + " characters");
    assertThat(description("lint.title-length"))
        .contains(MetadataLint.TITLE_CONVENTION + " characters")
        .contains(MetadataLint.TITLE_MAX + " (the specification)");
    assertThat(description("lint.description-length"))
        .contains(MetadataLint.DESCRIPTION_MIN + " characters");
    assertThat(description("lint.status-value")).contains(String.join(", ", MetadataLint.STATUSES));
    assertThat(description("lint.level-value")).contains(String.join(", ", MetadataLint.LEVELS));
    assertThat(description("lint.related")).contains(String.join(", ", MetadataLint.RELATED_TYPES));
    assertThat(description("lint.tag-namespace")).endsWith(String.join(", ", TagLint.NAMESPACES));
  }

  private static String description(String id) {
    return Linter.checks().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow()
        .description();
  }

  @Test
  void disabledChecksDoNotReport() {
    String text = with("level: high", "level: severe");
    assertThat(codes(text)).contains("lint.level-value");
    RuleFile f = load(text);
    Linter quiet = new Linter(new LintSettings(Set.of("lint.level-value")));
    assertThat(quiet.lint(f)).extracting(RuleProblem::code).doesNotContain("lint.level-value");
    assertThat(LintSettings.ALL.disabling(List.of("a")).enabled("a")).isFalse();
  }

  @Test
  void lintIsASeparateStepFromLoading() {
    RuleFile f = load(with("level: high", "level: severe"));
    assertThat(f.problems()).isEmpty();
    assertThat(new Linter().problemsWithLint(f))
        .extracting(RuleProblem::code)
        .containsExactly("lint.level-value");
  }

  @Test
  void rulesWithErrorsAreStillLinted() {
    RuleFile f =
        load(
            with("level: high", "level: severe")
                .replace("condition: selection", "condition: selection and nope"));
    assertThat(f.hasErrors()).isTrue();
    assertThat(new Linter().lint(f)).extracting(RuleProblem::code).contains("lint.level-value");
  }
}
