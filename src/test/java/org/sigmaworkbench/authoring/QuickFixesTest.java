package org.sigmaworkbench.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.lint.LintFixtures;
import org.sigmaworkbench.rule.lint.Linter;

class QuickFixesTest {

  static final UUID NEW_ID = UUID.fromString("0b9c7a0e-5f43-4d8e-9a0c-6f2d7b1e3c55");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
  static final QuickFixes FIXES = new QuickFixes(CLOCK, () -> NEW_ID);

  static List<RuleProblem> lint(String text) {
    return new Linter().problemsWithLint(LintFixtures.load(text));
  }

  static RuleProblem problem(String text, String code) {
    return lint(text).stream()
        .filter(p -> p.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + lint(text)));
  }

  /** Applies the only fix of the first {@code code} problem; the result no longer has it. */
  static String fixed(String text, String code) {
    List<QuickFix> fixes = FIXES.fixes(text, problem(text, code));
    assertThat(fixes).hasSize(1);
    String after = fixes.get(0).apply(text);
    TextEdit single = fixes.get(0).asSingleEdit(text);
    assertThat(
            new StringBuilder(text)
                .replace(single.offset(), single.end(), single.replacement())
                .toString())
        .isEqualTo(after);
    assertThat(lint(after)).extracting(RuleProblem::code).doesNotContain(code);
    return after;
  }

  static String clean(String from, String to) {
    assertThat(LintFixtures.CLEAN).contains(from);
    return LintFixtures.CLEAN.replace(from, to);
  }

  @Test
  void missingAndMalformedIdGetANewRandomId() {
    String noId = clean("id: 6f3e2987-db24-4c78-a860-b4f4095a7095\n", "");
    assertThat(fixed(noId, "lint.id-missing"))
        .contains("title: Suspicious Whoami Execution\nid: " + NEW_ID + "\n");
    String bad = clean("6f3e2987-db24-4c78-a860-b4f4095a7095", "'not-a-uuid'");
    assertThat(fixed(bad, "lint.id-format")).contains("id: '" + NEW_ID + "'\n");
  }

  @Test
  void missingDateIsToday() {
    String noDate = clean("date: 2024-01-15\n", "");
    assertThat(fixed(noDate, "lint.date-missing")).contains("date: 2026-03-04\ntags:");
  }

  @Test
  void revokedTagAndOldTacticAreReplaced() {
    String revoked = clean("- attack.t1033", "- attack.t1086");
    RuleProblem p = problem(revoked, "lint.attack-revoked");
    assertThat(p.message()).contains("attack.t1059.001");
    assertThat(fixed(revoked, "lint.attack-revoked")).contains("- attack.t1059.001\n");
    String evasion = clean("- attack.discovery", "- attack.defense-evasion");
    assertThat(fixed(evasion, "lint.attack-tactic-renamed")).contains("- attack.stealth\n");
    String underscore = clean("- attack.discovery", "- 'attack.defense_evasion'");
    assertThat(fixed(underscore, "lint.attack-tactic-renamed")).contains("- 'attack.stealth'\n");
    String deprecated = clean("- attack.t1033", "- attack.t1043");
    assertThat(problem(deprecated, "lint.attack-deprecated").message()).contains("deprecated");
    assertThat(fixed(deprecated, "lint.attack-deprecated")).doesNotContain("t1043");
    String unknown = clean("- attack.t1033", "- attack.t1999");
    assertThat(problem(unknown, "lint.attack-unknown").message()).contains("T1999");
    assertThat(FIXES.fixes(unknown, problem(unknown, "lint.attack-unknown"))).isEmpty();
  }

  @Test
  void singleValueAllIsDropped() {
    String all = clean("Image|endswith: '\\whoami.exe'", "Image|endswith|all: '\\whoami.exe'");
    assertThat(fixed(all, "lint.all-single-value")).contains("Image|endswith: '\\whoami.exe'");
  }

  @Test
  void duplicatesAreRemovedInBlockAndFlowLists() {
    String tags = clean("- attack.t1033\n", "- attack.t1033\n    - attack.t1033\n");
    assertThat(fixed(tags, "lint.tag-duplicate")).isEqualTo(LintFixtures.CLEAN);
    String refs =
        clean(
            "- https://example.org/whoami\n",
            "- https://example.org/whoami\n    - https://example.org/whoami\n");
    assertThat(fixed(refs, "lint.list-duplicate")).isEqualTo(LintFixtures.CLEAN);
    String flow =
        clean(
            "Image|endswith: '\\whoami.exe'",
            "Image|endswith: ['\\whoami.exe', '\\a.exe', '\\whoami.exe']");
    assertThat(fixed(flow, "lint.duplicate-value"))
        .contains("Image|endswith: ['\\whoami.exe', '\\a.exe']");
  }

  @Test
  void wildcardsBecomeTheModifier() {
    String contains =
        clean(
            "Image|endswith: '\\whoami.exe'",
            "CommandLine:\n                - '*whoami /all*'\n                - \"*whoami /priv*\"");
    assertThat(fixed(contains, "lint.wildcard-instead-of-modifier"))
        .contains(
            "CommandLine|contains:\n                - 'whoami /all'\n                - \"whoami /priv\"");
    String ends = clean("Image|endswith: '\\whoami.exe'", "Image: '*\\whoami.exe'");
    assertThat(fixed(ends, "lint.wildcard-instead-of-modifier"))
        .contains("Image|endswith: '\\whoami.exe'");
    String starts = clean("Image|endswith: '\\whoami.exe'", "Image: C:\\Windows\\System32*");
    assertThat(fixed(starts, "lint.wildcard-instead-of-modifier"))
        .contains("Image|startswith: C:\\Windows\\System32\n");
  }
}
