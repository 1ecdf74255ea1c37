package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.yaml.RuleLoader;

class CompiledRuleTest {

  private static CompiledRule compile(String text) {
    return CompiledRule.compile(new RuleLoader().load(text, "t.yml").firstRule().orElseThrow());
  }

  private static CompiledRule rule(String detection) {
    return compile(
        "title: t\nlogsource:\n  category: process_creation\ndetection:\n" + detection.indent(2));
  }

  private static Event event(String... kv) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      names.add(kv[i]);
      values.add(kv[i + 1]);
    }
    return new Event(
        "t", 1, FieldSchema.of(names, FieldLayout.NATIVE), values.toArray(String[]::new));
  }

  private static final CompiledRule HEADLINE = compile(TestFiles.headlineRuleText());

  @Test
  void headlineMatchesIgnoringCaseAndNeedsTheSpace() {
    assertThat(HEADLINE.matches(event("CommandLine", "powershell EXPORT-pfxCERTIFICATE -Cert x")))
        .isTrue();
    assertThat(HEADLINE.matches(event("CommandLine", "Get-Command Export-PfxCertificate")))
        .isFalse();
    assertThat(HEADLINE.matches(event("CommandLine", "Export-Certificates -x"))).isFalse();
    assertThat(HEADLINE.matches(event("CommandLine", "Export-PfxCertificate\t-Cert"))).isFalse();
    assertThat(HEADLINE.matches(event("ParentCommandLine", "Export-PfxCertificate -Cert")))
        .isFalse();
    assertThat(HEADLINE.matches(event("Image", "x"))).isFalse();
  }

  @Test
  void nonAsciiCaseFolding() {
    CompiledRule r = rule("sel:\n  CommandLine|contains: 'JÜRGEN ПАРОЛЬ'\ncondition: sel");
    assertThat(r.matches(event("CommandLine", "x jürgen пароль y"))).isTrue();
  }

  @Test
  void hitCarriesTheSpanAndTheRuleValue() {
    Event e = event("CommandLine", "powershell.exe export-certificate -cert x");
    Explanation x = HEADLINE.explain(e);
    assertThat(x.matched()).isTrue();
    assertThat(x.summary()).isEqualTo("selection matched");
    MatchSpan s = x.spans().get(0);
    assertThat(e.get("CommandLine").substring(s.start(), s.end())).isEqualTo("export-certificate ");
    assertThat(s.ruleValue()).isEqualTo("Export-Certificate ");
    assertThat(s.field()).isEqualTo("CommandLine");
    assertThat(s.line()).isEqualTo(26);
  }

  @Test
  void missExplainsWhichFilterExcludedIt() {
    CompiledRule r =
        rule(
            "selection:\n  Image|endswith: '\\cmd.exe'\nfilter_admin:\n  User: admin\ncondition: selection and not filter_admin");
    Explanation x = r.explain(event("Image", "C:\\cmd.exe", "User", "ADMIN"));
    assertThat(x.matched()).isFalse();
    assertThat(x.summary()).isEqualTo("selection matched, but filter_admin excluded it");
    assertThat(x.identifiers())
        .containsEntry("selection", true)
        .containsEntry("filter_admin", true);
    assertThat(r.explain(event("Image", "C:\\x.exe")).summary())
        .isEqualTo("selection did not match");
  }

  @Test
  void missingFieldReadsAsEmpty() {
    assertThat(rule("sel:\n  CommandLine: ''\ncondition: sel").matches(event("Image", "x")))
        .isTrue();
    assertThat(rule("sel:\n  CommandLine: null\ncondition: sel").matches(event("Image", "x")))
        .isTrue();
    assertThat(
            rule("sel:\n  CommandLine|exists: true\ncondition: sel")
                .matches(event("CommandLine", "")))
        .isFalse();
    assertThat(
            rule("sel:\n  CommandLine|contains: x\ncondition: not sel")
                .matches(event("Image", "x")))
        .isTrue();
  }

  @Test
  void wildcardsRegexCidrNumbersFieldrefKeywords() {
    assertThat(
            rule("sel:\n  Image: 'C:\\\\*\\x?.exe'\ncondition: sel")
                .matches(event("Image", "c:\\a\\b\\XY.EXE")))
        .isTrue();
    assertThat(
            rule("sel:\n  Image: 'C:\\\\*\\x?.exe'\ncondition: sel")
                .matches(event("Image", "c:\\a\\b\\XY.EXE.bak")))
        .isFalse();
    assertThat(
            rule("sel:\n  CommandLine|re: 'a.c'\ncondition: sel")
                .matches(event("CommandLine", "xxAbC")))
        .isFalse();
    assertThat(
            rule("sel:\n  CommandLine|re|i: 'a.c'\ncondition: sel")
                .matches(event("CommandLine", "xxAbC")))
        .isTrue();
    assertThat(
            rule("sel:\n  DestinationIp|cidr: 10.0.0.0/8\ncondition: sel")
                .matches(event("DestinationIp", "10.2.3.4")))
        .isTrue();
    assertThat(
            rule("sel:\n  DestinationIp|cidr: 10.0.0.0/8\ncondition: sel")
                .matches(event("DestinationIp", "11.2.3.4")))
        .isFalse();
    assertThat(
            rule("sel:\n  DestinationIp|cidr: 'fe80::/10'\ncondition: sel")
                .matches(event("DestinationIp", "fe80::1")))
        .isTrue();
    assertThat(
            rule("sel:\n  DestinationIp|cidr: 'fe80::/10'\ncondition: sel")
                .matches(event("DestinationIp", "example.com")))
        .isFalse();
    assertThat(
            rule("sel:\n  ProcessId|gt: 100\ncondition: sel").matches(event("ProcessId", "4100")))
        .isTrue();
    assertThat(rule("sel:\n  ProcessId|gt: 100\ncondition: sel").matches(event("ProcessId", "abc")))
        .isFalse();
    assertThat(
            rule("sel:\n  User|fieldref: ParentUser\ncondition: sel")
                .matches(event("User", "A", "ParentUser", "a")))
        .isTrue();
    assertThat(
            rule("kw:\n  - 'mimikatz'\ncondition: kw")
                .matches(event("Image", "x", "CommandLine", "run MimiKatz now")))
        .isTrue();
    assertThat(
            rule("sel:\n  UtcTime|hour: 9\ncondition: sel")
                .matches(event("UtcTime", "2026-11-20 09:00:13.100")))
        .isTrue();
  }

  @Test
  void caseFoldingFollowsKql() {
    // ASCII letters fold; a value with other cased letters is compared lower-cased, as the KQL
    // writer renders it with tolower(); keywords and field references fold ASCII only.
    assertThat(
            rule("sel:\n  CommandLine|contains: kill\ncondition: sel")
                .matches(event("CommandLine", "\u212Aill")))
        .isFalse();
    assertThat(
            rule("sel:\n  CommandLine|contains: 'ÜBER'\ncondition: sel")
                .matches(event("CommandLine", "x über")))
        .isTrue();
    // ß has no simple upper case, so the value folds ASCII only and ẞ is another letter.
    assertThat(
            rule("sel:\n  CommandLine|contains: 'straße'\ncondition: sel")
                .matches(event("CommandLine", "STRAẞE")))
        .isFalse();
    assertThat(rule("kw:\n  - 'jürgen'\ncondition: kw").matches(event("CommandLine", "JÜRGEN")))
        .isFalse();
    assertThat(rule("kw:\n  - 'jürgen'\ncondition: kw").matches(event("CommandLine", "JüRGEN")))
        .isTrue();
    assertThat(
            rule("sel:\n  User|fieldref: ParentUser\ncondition: sel")
                .matches(event("User", "Ä", "ParentUser", "ä")))
        .isFalse();
    assertThat(rule("sel:\n  User|cased: Admin\ncondition: sel").matches(event("User", "admin")))
        .isFalse();
  }

  @Test
  void numbersAreReadAsKqlConvertsThem() {
    CompiledRule eq = rule("sel:\n  EventID: 4688\ncondition: sel");
    assertThat(eq.matches(event("EventID", "4688"))).isTrue();
    assertThat(eq.matches(event("EventID", " 4688 "))).isTrue();
    assertThat(eq.matches(event("EventID", "4688.7"))).isTrue(); // tolong() truncates
    assertThat(eq.matches(event("EventID", "0x1250"))).isFalse();
    CompiledRule frac = rule("sel:\n  Score|gt: 1.5\ncondition: sel");
    assertThat(frac.matches(event("Score", "1.6"))).isTrue();
    assertThat(frac.matches(event("Score", "1.5"))).isFalse();
    assertThat(frac.matches(event("Score", "1e1"))).isTrue();
  }

  @Test
  void catastrophicRegexRunsInLinearTime() {
    CompiledRule r = rule("sel:\n  CommandLine|re: '(a+)+$'\ncondition: sel");
    String evil = "a".repeat(50_000) + "!";
    assertThat(r.matches(event("CommandLine", evil))).isFalse();
    assertThat(r.matches(event("CommandLine", "a".repeat(50_000)))).isTrue();
  }
}
