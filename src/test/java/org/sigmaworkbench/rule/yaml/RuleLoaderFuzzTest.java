package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.lint.LintFixtures;
import org.sigmaworkbench.rule.lint.Linter;

/**
 * Broken rule text never makes the loader or the linter throw: every mangled version of real rules
 * gives problems with positions, or loads.
 */
class RuleLoaderFuzzTest {

  private static final List<String> SEEDS =
      List.of(
          TestFiles.headlineRuleText(),
          LintFixtures.CLEAN,
          "title: c\nid: 0e95725d-7320-415d-80f7-004da920fc11\ncorrelation:\n  type: value_count\n"
              + "  rules: [a]\n  group-by: [User]\n  timespan: 1h\n  condition:\n    field: x\n"
              + "    gte: 3\n",
          "title: f\nlogsource:\n  product: windows\nfilter:\n  rules: any\n  sel:\n"
              + "    User|startswith: adm_\n  condition: not sel\n");

  private static final String ALPHABET = ":-[]{}&*!|>'\"#%\\\n ,?()aZ09|";

  record Edit(int seed, int position, int length, String insert) {}

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(0, 6),
                Arbitraries.strings().withChars(ALPHABET).ofMaxLength(4))
            .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 400)
  void mangledRulesNeverThrow(@ForAll("edits") List<Edit> edits) {
    String text = SEEDS.get(edits.get(0).seed());
    for (Edit e : edits) {
      int at = Math.min(e.position(), text.length());
      int end = Math.min(text.length(), at + e.length());
      text = text.substring(0, at) + e.insert() + text.substring(end);
    }
    RuleFile f = new RuleLoader().load(text, "fuzz.yml");
    for (RuleProblem p : f.problems()) {
      assertThat(p.message()).isNotBlank();
      assertThat(p.line()).as(p.describe()).isPositive();
    }
    List<RuleProblem> lint = new Linter().lint(f);
    assertThat(lint).allMatch(p -> Linter.isCheck(p.code()));
  }

  @Provide
  Arbitrary<String> detectionItems() {
    Arbitrary<String> modifier =
        Arbitraries.of(
            "contains",
            "startswith",
            "endswith",
            "all",
            "exists",
            "cased",
            "neq",
            "windash",
            "re",
            "i",
            "m",
            "s",
            "base64",
            "base64offset",
            "utf16le",
            "utf16be",
            "utf16",
            "wide",
            "lt",
            "lte",
            "gt",
            "gte",
            "minute",
            "hour",
            "day",
            "week",
            "month",
            "year",
            "cidr",
            "expand",
            "fieldref",
            "nope");
    Arbitrary<String> key =
        modifier
            .list()
            .ofMaxSize(4)
            .map(ms -> "Field" + (ms.isEmpty() ? "" : "|" + String.join("|", ms)));
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars("ab*?\\%-/ .()[]^$19:")
                .ofMaxLength(10)
                .map(v -> "'" + v.replace("'", "''") + "'"),
            Arbitraries.of(
                "1",
                "-3",
                "0x1F",
                "2.5",
                "true",
                "false",
                "null",
                "''",
                "'%Servers%'",
                "10.0.0.0/8",
                "'fe80::/10'"));
    Arbitrary<String> value =
        Arbitraries.oneOf(
            scalar, scalar.list().ofMaxSize(4).map(l -> "[" + String.join(", ", l) + "]"));
    return Combinators.combine(key, value)
        .as((k, v) -> "    " + k + ": " + v + "\n")
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void anyModifierChainOnAnyValueGivesAResultOrPositionedErrors(
      @ForAll("detectionItems") String items) {
    String text =
        "title: t\nlogsource:\n  product: windows\ndetection:\n  sel:\n"
            + items
            + "  condition: sel\n";
    RuleFile f =
        new RuleLoader(Placeholders.standard().with("Servers", List.of("srv*", "db?")))
            .load(text, "fuzz.yml");
    for (RuleProblem p : f.problems()) {
      assertThat(p.line()).as(text + p.describe()).isPositive();
      assertThat(p.excerpt()).as(text + p.describe()).isNotEmpty();
    }
    SigmaRule r = f.firstRule().orElseThrow();
    assertThat(r.isUsable()).isEqualTo(!f.hasErrors());
    new Linter().lint(f);
  }
}
