package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;

/** Each modifier turns into the predicates the specification gives it. */
class ModifierNormalizationTest {

  private static SigmaRule rule(String selection) {
    return rule(selection, Placeholders.standard());
  }

  private static SigmaRule rule(String selection, Placeholders placeholders) {
    String text =
        "title: t\nlogsource:\n  category: process_creation\ndetection:\n  sel:\n"
            + selection.indent(4)
            + "  condition: sel\n";
    return new RuleLoader(placeholders).load(text, "t.yml").firstRule().orElseThrow();
  }

  private static List<Expr.Match> leaves(Expr e) {
    List<Expr.Match> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, List<Expr.Match> out) {
    if (e instanceof Expr.Match m) {
      out.add(m);
    } else if (e instanceof Expr.And a) {
      a.terms().forEach(t -> collect(t, out));
    } else if (e instanceof Expr.Or o) {
      o.terms().forEach(t -> collect(t, out));
    } else if (e instanceof Expr.Not n) {
      collect(n.term(), out);
    } else if (e instanceof Expr.Named n) {
      collect(n.body(), out);
    }
  }

  private static List<Predicate> predicates(String selection) {
    SigmaRule r = rule(selection);
    assertThat(r.problems()).filteredOn(RuleProblem::isError).isEmpty();
    return leaves(r.condition()).stream().map(Expr.Match::predicate).toList();
  }

  private static Predicate.StringMatch str(Predicate.StringOp op, String text) {
    return new Predicate.StringMatch(op, text, false);
  }

  @Test
  void plainValueIsCaseInsensitiveEquality() {
    assertThat(predicates("Image: 'C:\\x.exe'"))
        .containsExactly(str(Predicate.StringOp.EQUALS, "C:\\x.exe"));
  }

  @Test
  void wildcardsAtTheEndsBecomePositions() {
    assertThat(predicates("Image: ['*\\x.exe', 'C:\\\\*', '*mid*']"))
        .containsExactly(
            str(Predicate.StringOp.ENDSWITH, "\\x.exe"),
            str(Predicate.StringOp.STARTSWITH, "C:\\"),
            str(Predicate.StringOp.CONTAINS, "mid"));
  }

  @Test
  void wildcardInTheMiddleStaysAWildcard() {
    Predicate p = predicates("Image: 'C:\\\\*\\x.exe'").get(0);
    assertThat(p).isInstanceOf(Predicate.Wildcard.class);
    assertThat(((Predicate.Wildcard) p).pattern().toRegex(false))
        .isEqualTo("(?is)^C:\\\\.*\\\\x\\.exe$");
  }

  @Test
  void lonelyStarMatchesAnything() {
    assertThat(predicates("Image: '*'")).containsExactly(str(Predicate.StringOp.CONTAINS, ""));
  }

  @Test
  void containsAllIsAnAnd() {
    SigmaRule r = rule("CommandLine|contains|all: [a, b]");
    assertThat(((Expr.Named) r.condition()).body()).isInstanceOf(Expr.And.class);
  }

  @Test
  void casedKeepsCase() {
    assertThat(predicates("CommandLine|contains|cased: WhoAmI"))
        .containsExactly(new Predicate.StringMatch(Predicate.StringOp.CONTAINS, "WhoAmI", true));
  }

  @Test
  void windashReplacesFlagDashesOnly() {
    List<Predicate> ps = predicates("CommandLine|windash|contains: ' -enc a-b'");
    assertThat(ps)
        .containsExactly(
            str(Predicate.StringOp.CONTAINS, " -enc a-b"),
            str(Predicate.StringOp.CONTAINS, " /enc a-b"),
            str(Predicate.StringOp.CONTAINS, " \u2013enc a-b"),
            str(Predicate.StringOp.CONTAINS, " \u2014enc a-b"),
            str(Predicate.StringOp.CONTAINS, " \u2015enc a-b"));
  }

  @Test
  void base64OffsetGivesThreeForms() {
    assertThat(predicates("CommandLine|base64offset|contains: http"))
        .containsExactly(
            str(Predicate.StringOp.CONTAINS, "aHR0c"),
            str(Predicate.StringOp.CONTAINS, "h0dH"),
            str(Predicate.StringOp.CONTAINS, "odHRw"));
  }

  @Test
  void wideBase64OffsetEncodesUtf16First() {
    assertThat(predicates("CommandLine|wide|base64offset|contains: ab"))
        .containsExactly(
            str(Predicate.StringOp.CONTAINS, "YQBiA"),
            str(Predicate.StringOp.CONTAINS, "EAYg"),
            str(Predicate.StringOp.CONTAINS, "hAGIA"));
  }

  @Test
  void base64AndUtf16Variants() {
    assertThat(predicates("CommandLine|base64: abc"))
        .containsExactly(str(Predicate.StringOp.EQUALS, "YWJj"));
    assertThat(predicates("CommandLine|utf16|base64: ab"))
        .containsExactly(str(Predicate.StringOp.EQUALS, "//5hAGIA"));
    assertThat(predicates("CommandLine|utf16be|base64offset|contains: ab"))
        .containsExactly(
            str(Predicate.StringOp.CONTAINS, "AGEAY"),
            str(Predicate.StringOp.CONTAINS, "BhAG"),
            str(Predicate.StringOp.CONTAINS, "AYQBi"));
  }

  @Test
  void regexWithFlags() {
    assertThat(predicates("CommandLine|re|i|s: 'a.b'"))
        .containsExactly(new Predicate.Regex("a.b", true, false, true));
  }

  @Test
  void regexThatRe2CannotRunIsAnErrorSayingWhy() {
    SigmaRule r = rule("CommandLine|re: '(?<=x)y'");
    assertThat(r.problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("look-behind") && m.contains("RE2"));
    SigmaRule back = rule("CommandLine|re: '(a)\\1'");
    assertThat(back.problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("back-reference"));
  }

  @Test
  void cidrV4AndV6() {
    List<Predicate> ps = predicates("DestinationIp|cidr: ['10.1.2.3/8', 'fe80::1/10']");
    assertThat(((Predicate.Cidr) ps.get(0)).canonical()).isEqualTo("10.0.0.0/8");
    assertThat(((Predicate.Cidr) ps.get(1)).isIpv6()).isTrue();
    assertThat(rule("DestinationIp|cidr: 10.0.0.0/33").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("prefix length 33"));
    assertThat(rule("DestinationIp|cidr: example.com").problems()).isNotEmpty();
  }

  @Test
  void numbersAndComparisons() {
    assertThat(predicates("ProcessId|gte: 4"))
        .containsExactly(
            new Predicate.Compare(Predicate.CompareOp.GTE, new java.math.BigDecimal("4"), "4"));
    assertThat(predicates("EventID: 4688"))
        .containsExactly(
            new Predicate.Compare(
                Predicate.CompareOp.EQ, new java.math.BigDecimal("4688"), "4688"));
    assertThat(rule("ProcessId|lt: abc").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("expected a number"));
  }

  @Test
  void existsNullAndEmpty() {
    assertThat(predicates("CommandLine|exists: false"))
        .containsExactly(new Predicate.Exists(false));
    assertThat(predicates("CommandLine: null")).containsExactly(new Predicate.IsNull());
    assertThat(predicates("CommandLine: ''")).containsExactly(str(Predicate.StringOp.EQUALS, ""));
  }

  @Test
  void fieldrefWithAndWithoutPosition() {
    assertThat(predicates("ParentUser|fieldref: User"))
        .containsExactly(new Predicate.FieldRef("User", Predicate.StringOp.EQUALS, false));
    assertThat(predicates("CommandLine|fieldref|contains: Image"))
        .containsExactly(new Predicate.FieldRef("Image", Predicate.StringOp.CONTAINS, false));
  }

  @Test
  void neqNegates() {
    SigmaRule r = rule("User|neq: SYSTEM");
    assertThat(((Expr.Named) r.condition()).body()).isInstanceOf(Expr.Not.class);
  }

  @Test
  void timeParts() {
    assertThat(predicates("UtcTime|hour|gte: 22"))
        .containsExactly(
            new Predicate.DatePart(Predicate.DateUnit.HOUR, Predicate.CompareOp.GTE, 22));
  }

  @Test
  void expandUsesThePlaceholderTable() {
    Placeholders p = Placeholders.standard().with("Workstations", List.of("WS-*", "LAPTOP1"));
    SigmaRule r = rule("ComputerName|expand: '%Workstations%'", p);
    assertThat(leaves(r.condition()))
        .extracting(Expr.Match::predicate)
        .containsExactly(
            str(Predicate.StringOp.STARTSWITH, "WS-"), str(Predicate.StringOp.EQUALS, "LAPTOP1"));
  }

  @Test
  void expandWithNoValuesMatchesNothingAndWarns() {
    SigmaRule r = rule("ComputerName|expand: '%dc_hosts%'");
    assertThat(r.isUsable()).isTrue();
    assertThat(r.problems()).extracting(RuleProblem::code).containsExactly("placeholder.empty");
    assertThat(((Expr.Named) r.condition()).body()).isEqualTo(new Expr.Const(false));
  }

  @Test
  void keywordsAreContainedAnywhere() {
    String text =
        "title: t\nlogsource:\n  product: windows\ndetection:\n  keywords:\n    - 'evil'\n    - 'bad*thing'\n  condition: keywords\n";
    SigmaRule r = new RuleLoader().load(text, "k.yml").firstRule().orElseThrow();
    List<Expr.Match> ms = leaves(r.condition());
    assertThat(ms).allMatch(Expr.Match::isKeyword);
    assertThat(ms.get(0).predicate()).isEqualTo(str(Predicate.StringOp.CONTAINS, "evil"));
    assertThat(ms.get(1).predicate()).isInstanceOf(Predicate.Wildcard.class);
  }

  @Test
  void modifiersThatDoNotCombineAreErrors() {
    assertThat(rule("CommandLine|contains|startswith: x").problems())
        .extracting(RuleProblem::code)
        .contains("modifier.combination");
    assertThat(rule("CommandLine|re|contains: x").problems())
        .extracting(RuleProblem::code)
        .contains("modifier.combination");
    assertThat(rule("CommandLine|exists|contains: true").problems())
        .extracting(RuleProblem::code)
        .contains("modifier.combination");
    assertThat(rule("CommandLine|i: x").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("flag of 're'"));
    assertThat(rule("CommandLine|contains|base64: x").problems())
        .extracting(RuleProblem::message)
        .anyMatch(m -> m.contains("wildcards"));
  }
}
