package org.sigmaworkbench.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class FilterApplicationTest {

  private static final String RULE =
      """
      title: Whoami
      id: 6f3e2987-db24-4c78-a860-b4f4095a7095
      name: whoami_exec
      logsource:
          category: process_creation
          product: windows
      detection:
          selection:
              Image|endswith: '\\whoami.exe'
          condition: selection
      """;

  private static final String OTHER =
      """
      title: Net
      id: 11111111-2222-4333-8444-555555555555
      logsource:
          category: process_creation
          product: windows
      detection:
          selection:
              Image|endswith: '\\net.exe'
          condition: selection
      """;

  private static String filter(String rules, String logsource) {
    return """
        title: Admins
        id: 99999999-2222-4333-8444-555555555555
        logsource:
        %s
        filter:
            rules: %s
            selection:
                User|startswith: 'adm_'
            condition: not selection
        """
        .formatted(logsource.indent(4).stripTrailing(), rules);
  }

  private static final String WINDOWS_PROCESS = "category: process_creation\nproduct: windows";

  private static List<RuleDocument> docs(String... texts) {
    RuleFile f = new RuleLoader().load(String.join("---\n", texts), "f.yml");
    assertThat(f.problems()).filteredOn(RuleProblem::isError).isEmpty();
    return f.documents();
  }

  @Test
  void aFilterAddsItsConditionToTheRulesItNames() {
    List<SigmaRule> rules =
        FilterApplication.applyAll(
            docs(RULE, OTHER, filter("[6f3e2987-db24-4c78-a860-b4f4095a7095]", WINDOWS_PROCESS)));
    assertThat(rules).hasSize(2);
    SigmaRule filtered = rules.get(0);
    Expr.And and = (Expr.And) filtered.condition();
    assertThat(and.terms().get(0)).isEqualTo(docsRule().condition());
    Expr.Not not = (Expr.Not) and.terms().get(1);
    assertThat(((Expr.Named) not.term()).name())
        .isEqualTo("99999999-2222-4333-8444-555555555555/selection");
    assertThat(filtered.identifiers())
        .containsKeys("selection", "99999999-2222-4333-8444-555555555555/selection");
    assertThat(filtered.isUsable()).isTrue();
    assertThat(rules.get(1).condition()).isInstanceOf(Expr.Named.class);
  }

  private static SigmaRule docsRule() {
    return (SigmaRule) docs(RULE).get(0);
  }

  @Test
  void rulesAreNamedByIdOrName() {
    FilterRule byName = (FilterRule) docs(filter("whoami_exec", WINDOWS_PROCESS)).get(0);
    assertThat(FilterApplication.appliesTo(byName, docsRule())).isTrue();
    FilterRule other = (FilterRule) docs(filter("net_exec", WINDOWS_PROCESS)).get(0);
    assertThat(FilterApplication.appliesTo(other, docsRule())).isFalse();
  }

  @Test
  void anyAppliesToEveryRuleOfTheLogsource() {
    FilterRule any = (FilterRule) docs(filter("any", WINDOWS_PROCESS)).get(0);
    assertThat(any.appliesToAll()).isTrue();
    assertThat(FilterApplication.applyAll(docs(RULE, OTHER, filter("any", WINDOWS_PROCESS))))
        .allMatch(r -> r.condition() instanceof Expr.And);
  }

  @Test
  void theLogsourceMustCoverTheRule() {
    FilterRule linux = (FilterRule) docs(filter("any", "product: linux")).get(0);
    assertThat(FilterApplication.appliesTo(linux, docsRule())).isFalse();
    FilterRule broad = (FilterRule) docs(filter("any", "product: windows")).get(0);
    assertThat(FilterApplication.appliesTo(broad, docsRule())).isTrue();
  }

  @Test
  void aCollectionAppliesFiltersAcrossFiles() {
    RuleLoader loader = new RuleLoader();
    RuleCollection c =
        RuleCollection.of(
            List.of(
                loader.load(RULE, "rules/whoami.yml"),
                loader.load(filter("[whoami_exec]", WINDOWS_PROCESS), "filters/admins.yml")));
    List<SigmaRule> rules = c.rulesWithFilters();
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).condition()).isInstanceOf(Expr.And.class);
    assertThat(c.resolve("whoami_exec")).hasSize(1);
    assertThat(c.resolve("6f3e2987-db24-4c78-a860-b4f4095a7095")).hasSize(1);
  }

  @Test
  void aFilterWithErrorsLeavesTheRuleAsItWas() {
    RuleFile f =
        new RuleLoader()
            .load(filter("any", WINDOWS_PROCESS).replace("not selection", "not nothing"), "f.yml");
    FilterRule broken = (FilterRule) f.documents().get(0);
    assertThat(broken.hasErrors()).isTrue();
    assertThat(FilterApplication.apply(docsRule(), broken)).isEqualTo(docsRule());
  }

  @Test
  void filterConditionIsASingleString() {
    RuleFile f =
        new RuleLoader()
            .load(
                filter("any", WINDOWS_PROCESS)
                    .replace("condition: not selection", "condition:\n        - not selection"),
                "f.yml");
    assertThat(f.problems()).extracting(RuleProblem::code).contains("filter.condition");
  }
}
