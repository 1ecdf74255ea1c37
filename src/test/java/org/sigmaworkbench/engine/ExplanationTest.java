package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** Hits say what made them; misses say what was missing or what excluded the event. */
class ExplanationTest {

  private static CompiledRule rule(String detection) {
    return CompiledRule.compile(
        new RuleLoader()
            .load(
                "title: t\nlogsource:\n  category: process_creation\ndetection:\n"
                    + detection.indent(2),
                "t.yml")
            .firstRule()
            .orElseThrow());
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

  private static final String QUANTIFIED =
      """
      sel_img:
        Image|endswith: '\\\\certutil.exe'
      sel_cli:
        CommandLine|contains:
          - '-urlcache'
          - '-decode'
      filter_a:
        User: admin
      filter_b:
        ParentImage|endswith: '\\\\sccm.exe'
      condition: all of sel_* and not 1 of filter_*
      """;

  @Test
  void allOfNamesWhatFailedWithWhatMatchedAsContext() {
    Explanation x =
        rule(QUANTIFIED).explain(event("Image", "C:\\certutil.exe", "CommandLine", "certutil -f"));
    assertThat(x.matched()).isFalse();
    assertThat(x.summary()).isEqualTo("sel_img matched, but sel_cli did not match");
    assertThat(x.identifiers())
        .containsExactly(
            java.util.Map.entry("sel_img", true),
            java.util.Map.entry("sel_cli", false),
            java.util.Map.entry("filter_a", false),
            java.util.Map.entry("filter_b", false));
    Check cli =
        x.checks().stream().filter(c -> c.identifier().equals("sel_cli")).findFirst().orElseThrow();
    assertThat(cli.key()).isEqualTo("CommandLine|contains");
    assertThat(cli.held()).isFalse();
    assertThat(cli.values()).isEqualTo(2);
    assertThat(cli.matchedValues()).isEmpty();
  }

  @Test
  void oneOfFiltersNamesTheFilterThatExcluded() {
    Event e =
        event(
            "Image", "C:\\certutil.exe",
            "CommandLine", "certutil -urlcache -f http://x",
            "ParentImage", "C:\\sccm.exe");
    Explanation x = rule(QUANTIFIED).explain(e);
    assertThat(x.summary()).isEqualTo("sel_img and sel_cli matched, but filter_b excluded it");
    // For a miss, every part that held is shown, the excluding filter's included.
    assertThat(x.spans())
        .extracting(MatchSpan::identifier)
        .contains("sel_img", "sel_cli", "filter_b");
  }

  @Test
  void hitSpansLeaveOutWhatHeldUnderANegation() {
    CompiledRule r =
        rule(
            """
            sel:
              CommandLine|contains: whoami
            filter:
              CommandLine|contains: '/all'
            condition: sel and not filter
            """);
    Event e = event("CommandLine", "whoami /groups");
    Explanation x = r.explain(e);
    assertThat(x.matched()).isTrue();
    assertThat(x.summary()).isEqualTo("sel matched");
    assertThat(x.spans()).hasSize(1);
    MatchSpan s = x.spans().get(0);
    assertThat(e.get("CommandLine").substring(s.start(), s.end())).isEqualTo("whoami");
    assertThat(s.ruleKey()).isEqualTo("CommandLine|contains");
  }

  @Test
  void nestedConditions() {
    CompiledRule r =
        rule(
            """
            a:
              Image|endswith: '\\\\a.exe'
            b:
              Image|endswith: '\\\\b.exe'
            c:
              CommandLine|contains: secret
            d:
              User: system
            condition: (a or b) and not (c and d)
            """);
    assertThat(r.explain(event("Image", "x\\c.exe")).summary())
        .isEqualTo("neither a nor b matched");
    assertThat(
            r.explain(event("Image", "x\\b.exe", "CommandLine", "secret", "User", "SYSTEM"))
                .summary())
        .isEqualTo("b matched, but c and d excluded it");
    assertThat(r.explain(event("Image", "x\\b.exe", "CommandLine", "secret")).summary())
        .isEqualTo("b matched");
  }

  @Test
  void keywordRules() {
    CompiledRule r = rule("keywords:\n  - mimikatz\n  - 'sekurlsa::'\ncondition: keywords");
    Event hit = event("Image", "x.exe", "CommandLine", "run SEKURLSA::logonpasswords");
    Explanation x = r.explain(hit);
    assertThat(x.summary()).isEqualTo("keywords matched");
    assertThat(x.spans())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.field()).isEqualTo("CommandLine");
              assertThat(hit.get("CommandLine").substring(s.start(), s.end()))
                  .isEqualTo("SEKURLSA::");
              assertThat(s.ruleValue()).isEqualTo("sekurlsa::");
            });
    assertThat(r.explain(event("CommandLine", "dir")).summary())
        .isEqualTo("keywords did not match (no field holds any of its keywords)");
  }

  @Test
  void entriesWithAllAndNeqCountTheirValues() {
    CompiledRule r =
        rule(
            """
            sel:
              CommandLine|contains|all:
                - '-nop'
                - '-enc'
              User|neq: admin
            condition: sel
            """);
    Explanation x = r.explain(event("CommandLine", "powershell -nop -w hidden", "User", "bob"));
    assertThat(x.checks())
        .extracting(Check::key, Check::held, Check::matchedValues)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CommandLine|contains|all", false, List.of("-nop")),
            org.assertj.core.groups.Tuple.tuple("User|neq", true, List.of()));
  }

  @Test
  void existsAndEqualsSpanTheWholeValue() {
    CompiledRule r = rule("sel:\n  Image|exists: true\n  User: bob\ncondition: sel");
    Explanation x = r.explain(event("Image", "x.exe", "User", "BOB"));
    assertThat(x.spans())
        .extracting(MatchSpan::field, MatchSpan::start, MatchSpan::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Image", 0, 5),
            org.assertj.core.groups.Tuple.tuple("User", 0, 3));
  }
}
