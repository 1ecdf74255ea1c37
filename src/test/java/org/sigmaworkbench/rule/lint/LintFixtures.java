package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/** A rule that passes every lint check, and helpers to break it one line at a time. */
public final class LintFixtures {
  private LintFixtures() {}

  public static final String CLEAN =
      """
      title: Suspicious Whoami Execution
      id: 6f3e2987-db24-4c78-a860-b4f4095a7095
      status: test
      description: Detects a whoami.exe execution, often the first step of discovery
      references:
          - https://example.org/whoami
      author: Jane Doe
      date: 2024-01-15
      tags:
          - attack.discovery
          - attack.t1033
      logsource:
          category: process_creation
          product: windows
      detection:
          selection:
              Image|endswith: '\\whoami.exe'
          condition: selection
      falsepositives:
          - Unknown
      level: high
      """;

  /** The clean rule with one piece of text replaced (which must be there). */
  static String with(String from, String to) {
    assertThat(CLEAN).contains(from);
    return CLEAN.replace(from, to);
  }

  /** The clean rule with a different detection section. */
  static String detection(String detection) {
    int start = CLEAN.indexOf("detection:\n");
    int end = CLEAN.indexOf("falsepositives:");
    return CLEAN.substring(0, start) + "detection:\n" + detection.indent(4) + CLEAN.substring(end);
  }

  public static RuleFile load(String text) {
    return new RuleLoader().load(text, "rule_under_test.yml");
  }

  /** Lint warnings of a text that must load without errors. */
  static List<RuleProblem> lint(String text) {
    RuleFile file = load(text);
    assertThat(file.problems()).filteredOn(RuleProblem::isError).isEmpty();
    return new Linter().lint(file);
  }

  static List<String> codes(String text) {
    return lint(text).stream().map(RuleProblem::code).toList();
  }

  /** The single warning with {@code code}. */
  static RuleProblem only(String text, String code) {
    List<RuleProblem> found = lint(text).stream().filter(p -> p.code().equals(code)).toList();
    assertThat(found).as("warnings %s", code).hasSize(1);
    return found.get(0);
  }
}
