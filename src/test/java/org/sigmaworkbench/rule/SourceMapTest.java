package org.sigmaworkbench.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.lint.LintFixtures;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class SourceMapTest {

  private static final SourceMap HEADLINE =
      new RuleLoader()
          .load(TestFiles.headlineRuleText(), "h.yml")
          .firstRule()
          .orElseThrow()
          .source();

  @Test
  void fieldsAreFoundByPath() {
    assertThat(HEADLINE.key("title")).isEqualTo(new Position(1, 1));
    assertThat(HEADLINE.value("title")).isEqualTo(new Position(1, 8));
    assertThat(HEADLINE.entry("title").text()).isEqualTo("Certificate Exported Via PowerShell");
    assertThat(HEADLINE.value("logsource.category").line()).isPositive();
    assertThat(HEADLINE.items("tags"))
        .extracting(SourceMap.Entry::text)
        .contains("attack.t1552.004");
    assertThat(HEADLINE.entry("related[0].type").text()).isEqualTo("similar");
    assertThat(HEADLINE.key("nothing")).isEqualTo(Position.NONE);
  }

  @Test
  void detectionItemsAreKeptAsWritten() {
    List<DetectionItem> items = HEADLINE.detectionItems();
    assertThat(items).hasSize(1);
    DetectionItem i = items.get(0);
    assertThat(i.identifier()).isEqualTo("selection");
    assertThat(i.key()).isEqualTo("CommandLine|contains");
    assertThat(i.field()).isEqualTo("CommandLine");
    assertThat(i.modifiers()).containsExactly("contains");
    assertThat(i.valueList()).isTrue();
    assertThat(i.values())
        .extracting(DetectionItem.Value::text)
        .containsExactly("Export-PfxCertificate ", "Export-Certificate ");
    assertThat(i.values().get(0).position()).isEqualTo(new Position(25, 16));
    assertThat(i.values().get(0).quoted()).isTrue();
    assertThat(HEADLINE.conditions())
        .extracting(SourceMap.Condition::text)
        .containsExactly("selection");
  }

  @Test
  void valueKindsAndKeywords() {
    SigmaRule r =
        new RuleLoader()
            .load(
                "title: t\nlogsource:\n  product: x\ndetection:\n  sel:\n    A: [1, true, null, 'x', y]\n"
                    + "  kw:\n    - evil\n  condition: sel or kw\n",
                "t.yml")
            .firstRule()
            .orElseThrow();
    List<DetectionItem> items = r.source().detectionItems();
    assertThat(items.get(0).values())
        .extracting(DetectionItem.Value::kind)
        .containsExactly(
            DetectionItem.ValueKind.NUMBER,
            DetectionItem.ValueKind.BOOLEAN,
            DetectionItem.ValueKind.NULL,
            DetectionItem.ValueKind.STRING,
            DetectionItem.ValueKind.STRING);
    assertThat(items.get(1).isKeyword()).isTrue();
    assertThat(items.get(1).identifier()).isEqualTo("kw");
  }

  @Test
  void documentsBuiltInCodeHaveAnEmptyMap() {
    SigmaRule r =
        new SigmaRule(
            LintFixtures.load(LintFixtures.CLEAN).firstRule().orElseThrow().meta(),
            LogSource.EMPTY,
            java.util.Map.of(),
            null,
            null,
            List.of(),
            null);
    assertThat(r.source()).isSameAs(SourceMap.EMPTY);
  }
}
