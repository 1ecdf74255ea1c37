package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.Severity;
import org.sigmaworkbench.rule.SigmaRule;

class RuleLoaderTest {

  private final RuleLoader loader = new RuleLoader();

  private RuleFile load(String text) {
    return loader.load(text, "test.yml");
  }

  private static String rule(String detection) {
    return "title: t\nid: 9e716b33-63b2-46da-86a4-bd3c3b9b5dfb\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n"
        + detection;
  }

  @Test
  void headlineRuleLoadsWithItsMetadata() {
    RuleFile f = loader.load(TestFiles.headlineRuleText(), "headline.yml");
    assertThat(f.problems()).isEmpty();
    SigmaRule r = f.firstRule().orElseThrow();
    assertThat(r.title()).isEqualTo("Certificate Exported Via PowerShell");
    assertThat(r.id()).isEqualTo("9e716b33-63b2-46da-86a4-bd3c3b9b5dfb");
    assertThat(r.logsource()).isEqualTo(new LogSource("process_creation", "windows", null, null));
    assertThat(r.meta().tags()).contains("attack.t1552.004");
    assertThat(r.meta().related()).hasSize(1);
    assertThat(r.isUsable()).isTrue();
  }

  @Test
  void headlineConditionIsAnOrOfTwoContains() {
    SigmaRule r = loader.load(TestFiles.headlineRuleText(), "h.yml").firstRule().orElseThrow();
    Expr.Named sel = (Expr.Named) r.condition();
    assertThat(sel.name()).isEqualTo("selection");
    Expr.Or or = (Expr.Or) sel.body();
    assertThat(or.terms())
        .extracting(t -> ((Expr.Match) t).predicate())
        .containsExactly(
            new Predicate.StringMatch(Predicate.StringOp.CONTAINS, "Export-PfxCertificate ", false),
            new Predicate.StringMatch(Predicate.StringOp.CONTAINS, "Export-Certificate ", false));
    Expr.Match first = (Expr.Match) or.terms().get(0);
    assertThat(first.field()).isEqualTo("CommandLine");
    assertThat(first.origin().position()).isEqualTo(new Position(25, 16));
  }

  @Test
  void yamlSyntaxErrorHasLineAndColumn() {
    RuleFile f =
        load(
            "title: t\ndetection:\n  selection:\n    CommandLine: 'unclosed\n  condition: selection\n");
    assertThat(f.hasErrors()).isTrue();
    RuleProblem p = f.problems().get(0);
    assertThat(p.code()).isEqualTo("yaml.syntax");
    assertThat(p.line()).isGreaterThanOrEqualTo(4);
    assertThat(p.column()).isPositive();
  }

  @Test
  void unknownModifierIsPointedAtWithASuggestion() {
    RuleFile f = load(rule("  selection:\n    CommandLine|contians: x\n  condition: selection\n"));
    RuleProblem p = f.problems().get(0);
    assertThat(p.code()).isEqualTo("modifier.unknown");
    assertThat(p.message()).contains("'contians'").contains("did you mean 'contains'");
    assertThat(p.position()).isEqualTo(new Position(8, 17));
    assertThat(p.excerpt()).isEqualTo("contians");
  }

  @Test
  void conditionNamingAMissingIdentifierIsAnErrorAtItsColumn() {
    RuleFile f =
        load(rule("  selection:\n    CommandLine: x\n  condition: selection and not filter\n"));
    RuleProblem p = f.problems().get(0);
    assertThat(p.code()).isEqualTo("condition");
    assertThat(p.message()).contains("'filter'").contains("selection");
    assertThat(p.position()).isEqualTo(new Position(9, 32));
    assertThat(f.firstRule().orElseThrow().condition()).isNull();
  }

  @Test
  void emptySelectionIsAnError() {
    RuleFile f = load(rule("  selection: {}\n  condition: selection\n"));
    assertThat(f.problems()).extracting(RuleProblem::code).contains("detection.empty-identifier");
  }

  @Test
  void missingTitleAndDetectionAreReported() {
    RuleFile f = load("logsource:\n  product: windows\n");
    assertThat(f.problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("'title'"))
        .anyMatch(m -> m.contains("'detection'"));
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder b =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (int i = 0; i < 9; i++) {
      String name = "l" + i;
      b.append(name).append(": &").append(name).append(" [");
      for (int j = 0; j < 9; j++) {
        b.append(j == 0 ? "" : ",").append('*').append(prev);
      }
      b.append("]\n");
      prev = name;
    }
    long t0 = System.nanoTime();
    RuleFile f = load(b.toString());
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    assertThat(f.problems()).extracting(RuleProblem::code).contains("yaml.limit");
    assertThat(f.problems().get(0).message()).contains("alias");
  }

  @Test
  void typeTagsAreRefused() {
    RuleFile f = load("title: !!javax.script.ScriptEngineManager [x]\n");
    assertThat(f.hasErrors()).isTrue();
    assertThat(f.problems().get(0).message()).containsIgnoringCase("tag");
    RuleFile local = load("title: !custom x\n");
    assertThat(local.problems()).extracting(RuleProblem::code).contains("yaml.tag");
  }

  @Test
  void duplicateKeysAreErrors() {
    RuleFile f =
        load(
            rule("  selection:\n    CommandLine: a\n    CommandLine: b\n  condition: selection\n"));
    assertThat(f.problems()).extracting(RuleProblem::code).contains("yaml.duplicate-key");
  }

  @Test
  void oversizedTextIsRefusedWithTheLimit() {
    RuleFile f = load("title: " + "x".repeat(SigmaYaml.MAX_CHARS));
    assertThat(f.problems().get(0).message()).contains("2 MiB");
  }

  @Test
  void multipleDocumentsLoad() {
    RuleFile f =
        load(
            rule("  sel:\n    CommandLine: a\n  condition: sel\n")
                + "---\n"
                + rule("  sel:\n    Image: b\n  condition: sel\n"));
    assertThat(f.rules()).hasSize(2);
    assertThat(f.problems()).isEmpty();
  }

  @Test
  void correlationRulesAreReadAndChecked() {
    RuleFile f =
        load(
            "title: c\ncorrelation:\n  type: event_count\n  rules: [a, b]\n  group-by: [User]\n  timespan: 1h\n  condition:\n    gte: 10\n");
    CorrelationRule c = (CorrelationRule) f.documents().get(0);
    assertThat(c.type()).isEqualTo("event_count");
    assertThat(c.timespanSeconds()).isEqualTo(3600);
    assertThat(c.condition()).containsEntry("gte", "10");
    assertThat(f.problems()).isEmpty();
    RuleFile bad = load("title: c\ncorrelation:\n  type: event_sum\n  rules: a\n  timespan: 1x\n");
    assertThat(bad.problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("unknown correlation type 'event_sum'"))
        .anyMatch(m -> m.contains("timespan '1x'"));
  }

  @Test
  void filtersAreRead() {
    RuleFile f =
        load(
            "title: f\nlogsource:\n  product: windows\nfilter:\n  rules:\n    - 9e716b33-63b2-46da-86a4-bd3c3b9b5dfb\n  selection:\n    User: admin\n  condition: not selection\n");
    FilterRule filter = (FilterRule) f.documents().get(0);
    assertThat(filter.rules()).containsExactly("9e716b33-63b2-46da-86a4-bd3c3b9b5dfb");
    assertThat(filter.condition()).isInstanceOf(Expr.Not.class);
  }

  @Test
  void legacyAggregationLoadsWithAWarning() {
    RuleFile f =
        load(
            rule(
                "  selection:\n    EventID: 4625\n  timeframe: 10m\n  condition: selection | count(TargetUserName) by IpAddress > 10\n"));
    SigmaRule r = f.firstRule().orElseThrow();
    assertThat(r.isUsable()).isTrue();
    assertThat(r.aggregation().groupBy()).isEqualTo("IpAddress");
    assertThat(f.problems()).extracting(RuleProblem::severity).containsOnly(Severity.WARNING);
  }

  @Test
  void conditionListIsAnOr() {
    SigmaRule r =
        load(rule("  a:\n    X: 1\n  b:\n    Y: 2\n  condition:\n    - a\n    - b\n"))
            .firstRule()
            .orElseThrow();
    assertThat(r.condition()).isInstanceOf(Expr.Or.class);
    assertThat(((Expr.Or) r.condition()).terms()).hasSize(2);
  }

  @Test
  void problemsComeInTextOrder() {
    RuleFile f = load(rule("  a:\n    X|nope: 1\n  b:\n    Y|re: '(?=x)'\n  condition: a or b\n"));
    List<RuleProblem> ps = f.problems();
    assertThat(ps).extracting(RuleProblem::line).isSorted();
  }

  @Test
  void sigma1CollectionsGetOneErrorAtTheActionLine() {
    RuleFile f =
        load(
            "title: t\naction: global\ndetection:\n  condition: all of selection*\n---\n"
                + "logsource:\n  product: windows\ndetection:\n  selection1:\n    EventID: 1\n");
    assertThat(f.problems()).hasSize(1);
    RuleProblem p = f.problems().get(0);
    assertThat(p.code()).isEqualTo("rule.collection");
    assertThat(p.position()).isEqualTo(new Position(2, 1));
    assertThat(p.message()).contains("Sigma 1.x rule collection");
    assertThat(f.documents()).isEmpty();
    assertThat(load(rule("  sel:\n    A: 1\n  condition: sel\n") + "action: block\n").problems())
        .isEmpty();
  }

  @Test
  void theFirstConditionErrorIsReportedWhereItIs() {
    RuleFile f = load(rule("  sel:\n    A: 1\n  condition: write A to %guid%; then sel\n"));
    assertThat(f.problems()).hasSize(1);
    RuleProblem p = f.problems().get(0);
    assertThat(p.position()).isEqualTo(new Position(9, 14));
    assertThat(p.message()).contains("'write A' is not Sigma condition syntax");
    RuleProblem bad = load(rule("  sel:\n    A: 1\n  condition: sel and %x%\n")).problems().get(0);
    assertThat(bad.position()).isEqualTo(new Position(9, 22));
    assertThat(bad.message()).contains("unexpected character '%'");
  }

  @Test
  void anAggregationWithoutAPipeIsNamedAsSuch() {
    RuleProblem p =
        load(rule("  sel:\n    A: 1\n  condition: count(A) by B > 3 and sel\n")).problems().get(0);
    assertThat(p.message()).contains("'count(...)' is a Sigma 1.x aggregation");
    assertThat(p.position()).isEqualTo(new Position(9, 14));
  }

  @Test
  void everyBadEntryOfASelectionIsReported() {
    RuleFile f = load(rule("  sel:\n    A|nope: 1\n    B|cidr: x\n    C: 2\n  condition: sel\n"));
    assertThat(f.problems()).extracting(RuleProblem::line).containsExactly(8, 9);
  }

  @Test
  void base64MayBeAppliedTwice() {
    SigmaRule r =
        load(rule("  sel:\n    A|base64|base64: ab\n  condition: sel\n")).firstRule().orElseThrow();
    assertThat(r.problems()).isEmpty();
    Expr.Match m = (Expr.Match) ((Expr.Named) r.condition()).body();
    assertThat(m.predicate())
        .isEqualTo(new Predicate.StringMatch(Predicate.StringOp.EQUALS, "WVdJPQ==", false));
  }

  @Test
  void customFieldsAreKeptAsTheyAre() {
    SigmaRule r =
        load(rule("  sel:\n    A: 1\n  condition: sel\n")
                + "simulation:\n  - type: atomic\n    guid: x\n")
            .firstRule()
            .orElseThrow();
    assertThat(r.meta().custom())
        .containsEntry("simulation", List.of(java.util.Map.of("type", "atomic", "guid", "x")));
  }

  @Test
  void everyErrorHasAPositionAndTheOffendingText() {
    String[] broken = {
      rule("  sel:\n    A|contians: 1\n  condition: sel\n"),
      rule("  sel:\n    A|re: '(?<=a)b'\n  condition: sel\n"),
      rule("  sel:\n    A|startswith|endswith: x\n  condition: sel\n"),
      rule("  sel: []\n  condition: sel\n"),
      rule("  sel:\n    A: 1\n  condition: sel or other\n"),
      "title: t\nlogsource: windows\ndetection:\n  sel:\n    A: 1\n  condition: sel\n"
    };
    for (String text : broken) {
      List<RuleProblem> ps = load(text).problems();
      assertThat(ps).as(text).isNotEmpty();
      assertThat(ps).as(text).allMatch(p -> p.line() > 0 && p.column() > 0);
      assertThat(ps).as(text).allMatch(p -> !p.excerpt().isEmpty());
    }
  }

  @Test
  void recursiveAliasesAreRefusedNotFollowed() {
    for (String text :
        new String[] {
          "title: t\nx: &a [1, *a]\n",
          "title: t\ncustom: &c {k: *c}\n",
          rule("  sel: &s\n    A: 1\n    B: *s\n  condition: sel\n")
        }) {
      RuleFile f = load(text);
      assertThat(f.problems()).as(text).hasSize(1);
      assertThat(f.problems().get(0).code()).isEqualTo("yaml.limit");
      assertThat(f.problems().get(0).message()).contains("contains itself through an alias");
      assertThat(f.problems().get(0).line()).isPositive();
    }
  }

  @Test
  void aliasesThatMultiplyTheTreeAreBounded() {
    StringBuilder b = new StringBuilder("a0: &a0 [");
    for (int i = 0; i < 1000; i++) {
      b.append(i == 0 ? "" : ",").append('x');
    }
    b.append("]\n");
    for (int level = 1; level <= 10; level++) {
      b.append("a").append(level).append(": &a").append(level);
      b.append(" [*a").append(level - 1).append(", *a").append(level - 1).append("]\n");
    }
    RuleFile f = load(b.toString());
    assertThat(f.problems()).extracting(RuleProblem::code).containsExactly("yaml.limit");
    assertThat(f.problems().get(0).message()).contains("500000 nodes");
  }

  @Test
  void deeplyNestedConditionsAreBounded() {
    String deep = "(".repeat(500) + "sel" + ")".repeat(500);
    RuleProblem p = load(rule("  sel:\n    A: 1\n  condition: " + deep + "\n")).problems().get(0);
    assertThat(p.message()).contains("nests deeper than 100");
    String nots = "not ".repeat(500) + "sel";
    assertThat(
            load(rule("  sel:\n    A: 1\n  condition: " + nots + "\n")).problems().get(0).message())
        .contains("nests deeper than 100");
  }
}
