package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.only;
import static org.sigmaworkbench.rule.lint.LintFixtures.with;

import org.junit.jupiter.api.Test;

/** The logsource and the event ids tested with it. */
class LogsourceLintTest {

  @Test
  void logsourceChecks() {
    assertThat(codes(with("    product: windows\n", "    product: windows\n    vendor: acme\n")))
        .contains("lint.logsource-field");
    assertThat(codes(with("category: process_creation", "category: Process Creation")))
        .contains("lint.logsource-value");
    String sysmon =
        with("    category: process_creation\n", "    service: sysmon\n")
            .replace(
                "Image|endswith: '\\whoami.exe'",
                "EventID: 1\n        Image|endswith: '\\whoami.exe'");
    assertThat(only(sysmon, "lint.generic-logsource").message())
        .contains("category: process_creation");
    String category =
        with(
            "Image|endswith: '\\whoami.exe'",
            "EventID: 4688\n        Image|endswith: '\\whoami.exe'");
    assertThat(codes(category)).contains("lint.eventid-in-category");
  }
}
