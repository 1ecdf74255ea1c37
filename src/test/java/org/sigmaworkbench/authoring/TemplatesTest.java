package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.lint.Linter;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class TemplatesTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

  @TestFactory
  List<DynamicTest> everyTemplateParsesAndLintsClean() {
    return Templates.all().stream()
        .map(
            t ->
                DynamicTest.dynamicTest(
                    t.name(),
                    () -> {
                      Template.Rendered r = t.render(CLOCK, UUID::randomUUID);
                      RuleFile file = new RuleLoader().load(r.text(), t.fileName());
                      List<RuleProblem> all = new Linter().problemsWithLint(file);
                      assertThat(all).as(r.text()).isEmpty();
                      for (RuleDocument d : file.documents()) {
                        assertThat(d.meta().id()).isNotBlank();
                        assertThat(UUID.fromString(d.meta().id()).version()).isEqualTo(4);
                      }
                      assertThat(r.text()).contains("date: 2026-03-04\n");
                      assertThat(r.text()).contains("status: experimental\n");
                      assertThat(r.text().substring(0, r.caret())).isEqualTo("title: ");
                      assertThat(r.text().substring(r.caret(), r.selectionEnd()))
                          .isEqualTo(file.documents().get(0).meta().title());
                    }))
        .toList();
  }

  @Test
  void eachDocumentOfATemplateGetsItsOwnId() {
    Template correlation =
        Templates.all().stream()
            .filter(t -> t.body().contains("correlation:"))
            .findFirst()
            .orElseThrow();
    Template.Rendered r = correlation.render(CLOCK, UUID::randomUUID);
    RuleFile file = new RuleLoader().load(r.text(), correlation.fileName());
    assertThat(file.documents()).hasSize(2);
    assertThat(file.documents().get(0).meta().id())
        .isNotEqualTo(file.documents().get(1).meta().id());
  }

  @Test
  void snippetsFitInsideADetection() {
    for (Template s : Templates.snippets()) {
      Template.Rendered r = s.render(CLOCK, UUID::randomUUID);
      String rule =
          "title: Snippet Check Rule\nlogsource:\n    product: windows\ndetection:\n"
              + r.text()
              + "    condition: 1 of them\n";
      RuleFile file = new RuleLoader().load(rule, "snippet.yml");
      assertThat(file.problems()).filteredOn(RuleProblem::isError).as(rule).isEmpty();
      assertThat(r.caret()).isBetween(0, r.text().length());
    }
  }
}
