package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.CLEAN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleCollection;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleIndex;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** Checks across files and of correlation and filter documents. */
class CollectionLintTest {

  private final RuleLoader loader = new RuleLoader();
  private final Linter linter = new Linter();

  private static final String CORRELATION =
      """
      title: Many Whoami Executions
      id: 0e95725d-7320-415d-80f7-004da920fc11
      status: test
      description: Many whoami executions by one user in little time
      author: Jane Doe
      date: 2024-01-15
      correlation:
          type: event_count
          rules:
              - 6f3e2987-db24-4c78-a860-b4f4095a7095
          group-by:
              - User
          timespan: 1h
          condition:
              gte: 10
      level: high
      """;

  private static final String FILTER =
      """
      title: Whoami By Admins
      id: 1f3e2987-db24-4c78-a860-b4f4095a7096
      description: Administrators may run whoami
      logsource:
          category: process_creation
          product: windows
      filter:
          rules:
              - 6f3e2987-db24-4c78-a860-b4f4095a7095
          selection:
              User|startswith: 'adm_'
          condition: not selection
      """;

  private List<String> codes(RuleFile file, List<RuleFile> all) {
    return linter.lint(file, RuleCollection.of(all)).stream().map(RuleProblem::code).toList();
  }

  @Test
  void duplicateIdsTitlesAndFileNamesAcrossAFolder() {
    RuleFile a = loader.load(CLEAN, "rules/a/whoami_execution.yml");
    RuleFile b = loader.load(CLEAN, "rules/b/whoami_execution.yml");
    List<RuleProblem> warnings = linter.lint(a, RuleCollection.of(List.of(a, b)));
    assertThat(warnings)
        .extracting(RuleProblem::code)
        .contains("lint.id-duplicate", "lint.title-duplicate", "lint.filename-duplicate");
    RuleProblem id =
        warnings.stream()
            .filter(p -> p.code().equals("lint.id-duplicate"))
            .findFirst()
            .orElseThrow();
    assertThat(id.message()).contains("rules/b/whoami_execution.yml:1");
    assertThat(id.position()).isEqualTo(new Position(2, 5));
    assertThat(linter.lint(a)).isEmpty();
  }

  @Test
  void correlationReferencesResolveInTheFileOrFolder() {
    RuleFile alone = loader.load(CORRELATION, "mr_many_whoami.yml");
    RuleProblem p =
        linter.lint(alone).stream()
            .filter(x -> x.code().equals("lint.correlation-reference"))
            .findFirst()
            .orElseThrow();
    assertThat(p.position()).isEqualTo(new Position(10, 11));
    assertThat(p.message()).contains("6f3e2987-db24-4c78-a860-b4f4095a7095");
    RuleFile sameFile = loader.load(CLEAN + "---\n" + CORRELATION, "mr_many_whoami.yml");
    assertThat(linter.lint(sameFile)).isEmpty();
    RuleFile rule = loader.load(CLEAN, "whoami_execution.yml");
    assertThat(codes(alone, List.of(alone, rule))).doesNotContain("lint.correlation-reference");
  }

  @Test
  void correlationShape() {
    String text =
        CORRELATION
            .replace("    group-by:\n        - User\n", "")
            .replace("timespan: 1h", "timespan: 2w")
            .replace("    condition:", "    generate_all: true\n    condition:");
    RuleFile f = loader.load(CLEAN + "---\n" + text, "mr_many_whoami.yml");
    assertThat(f.hasErrors()).isFalse();
    assertThat(linter.lint(f))
        .extracting(RuleProblem::code)
        .contains(
            "lint.correlation-group-by", "lint.correlation-timespan", "lint.correlation-field");
  }

  @Test
  void theCorrelationSectionsKeysAreKnownAndAMisspellingNamesTheNearest() {
    String known = CORRELATION.replace("    condition:", "    generate: false\n    condition:");
    RuleFile ok = loader.load(CLEAN + "---\n" + known, "mr_many_whoami.yml");
    assertThat(ok.hasErrors()).isFalse();
    assertThat(linter.lint(ok))
        .extracting(RuleProblem::code)
        .doesNotContain("lint.correlation-field");
    String misspelt = CORRELATION.replace("    condition:", "    generat: false\n    condition:");
    RuleFile f = loader.load(CLEAN + "---\n" + misspelt, "mr_many_whoami.yml");
    assertThat(linter.lint(f))
        .filteredOn(p -> p.code().equals("lint.correlation-field"))
        .singleElement()
        .extracting(RuleProblem::message)
        .asString()
        .contains("did you mean 'generate'?")
        .contains("type, rules, group-by, timespan, condition, aliases, generate");
  }

  @Test
  void correlationAliases() {
    String text =
        CORRELATION.replace(
            "    timespan: 1h\n",
            "    timespan: 1h\n    aliases:\n        host:\n            other_rule: ComputerName\n");
    RuleFile f = loader.load(CLEAN + "---\n" + text, "mr_many_whoami.yml");
    assertThat(linter.lint(f))
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("alias 'host' is not used in group-by"))
        .anyMatch(m -> m.contains("maps rule 'other_rule'"));
  }

  @Test
  void filterReferencesAndFields() {
    RuleFile filter = loader.load(FILTER.replace("title:", "level: low\ntitle:"), "mf_admins.yml");
    assertThat(codes(filter, List.of(filter)))
        .contains("lint.filter-reference", "lint.filter-field")
        .doesNotContain("lint.status-missing", "lint.level-missing", "lint.date-missing");
    RuleFile rule = loader.load(CLEAN, "whoami_execution.yml");
    assertThat(codes(filter, List.of(filter, rule))).doesNotContain("lint.filter-reference");
    RuleFile any =
        loader.load(
            FILTER
                .replace("        - 6f3e2987-db24-4c78-a860-b4f4095a7095\n", "")
                .replace("rules:\n", "rules: any\n"),
            "mf_admins.yml");
    assertThat(any.hasErrors()).isFalse();
    assertThat(codes(any, List.of(any))).doesNotContain("lint.filter-reference");
  }

  @Test
  void fileNames() {
    assertThat(codes(loader.load(CLEAN, "x/Whoami-Rule.yml"), List.of())).contains("lint.filename");
    assertThat(codes(loader.load(CLEAN, "x/a.yml"), List.of())).contains("lint.filename");
    assertThat(codes(loader.load(CLEAN, "editor"), List.of())).doesNotContain("lint.filename");
  }

  @Test
  void theSlimIndexAloneSufficesForCrossFileChecks() {
    RuleFile a = loader.load(CLEAN, "rules/a/whoami_execution.yml");
    RuleFile b = loader.load(CLEAN + "---\n" + CORRELATION, "rules/b/whoami_execution.yml");
    List<RuleIndex.Entry> entries = new java.util.ArrayList<>(RuleIndex.entries(a));
    entries.addAll(RuleIndex.entries(b));
    RuleIndex index = RuleIndex.of(entries);
    assertThat(index.files()).isEqualTo(2);
    assertThat(index.entries())
        .extracting(RuleIndex.Entry::kind)
        .containsExactly(RuleIndex.Kind.RULE, RuleIndex.Kind.RULE, RuleIndex.Kind.CORRELATION);
    RuleIndex.Entry correlation = entries.get(2);
    assertThat(correlation.references())
        .containsExactly(
            new RuleIndex.Reference("6f3e2987-db24-4c78-a860-b4f4095a7095", new Position(32, 11)));
    assertThat(linter.lintAcross(index, entries.get(0)))
        .extracting(RuleProblem::code)
        .containsExactlyInAnyOrder(
            "lint.id-duplicate", "lint.title-duplicate", "lint.filename-duplicate");
    assertThat(linter.lintAcross(index, correlation)).isEmpty();
    assertThat(index.resolve("6f3e2987-db24-4c78-a860-b4f4095a7095")).hasSize(2);
  }
}
