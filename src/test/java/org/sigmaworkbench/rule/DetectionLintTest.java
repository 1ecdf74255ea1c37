package org.sigmaworkbench.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.LintFixtures.codes;
import static org.sigmaworkbench.rule.LintFixtures.detection;
import static org.sigmaworkbench.rule.LintFixtures.only;
import static org.sigmaworkbench.rule.LintFixtures.with;

import org.junit.jupiter.api.Test;

/** Modifiers, values and logsource checks. */
class DetectionLintTest {

  private static String selection(String body) {
    return detection("selection:\n" + body.indent(4) + "condition: selection\n");
  }

  @Test
  void allWithASingleValue() {
    RuleProblem p = only(selection("CommandLine|contains|all: whoami"), "lint.all-single-value");
    assertThat(p.position()).isEqualTo(new Position(17, 9));
    assertThat(codes(selection("CommandLine|contains|all: [a, b]")))
        .doesNotContain("lint.all-single-value");
  }

  @Test
  void allOnEqualityNeverMatches() {
    assertThat(only(selection("Image|all: [a.exe, b.exe]"), "lint.all-without-contains").message())
        .contains("'Image|contains|all'");
    assertThat(codes(selection("Image|all: [a.exe, A.EXE]")))
        .doesNotContain("lint.all-without-contains");
    assertThat(codes(selection("Image|all: ['C:\\*', '*\\b.exe']")))
        .doesNotContain("lint.all-without-contains");
    assertThat(codes(selection("Image|startswith|all: [a, ab]")))
        .doesNotContain("lint.all-without-contains");
  }

  @Test
  void windashWithAllAndBase64offsetWithoutContains() {
    assertThat(codes(selection("CommandLine|windash|contains|all: [' -a', ' -b']")))
        .contains("lint.windash-all");
    assertThat(codes(selection("CommandLine|base64offset: http")))
        .contains("lint.base64offset-without-contains");
    assertThat(codes(selection("CommandLine|base64offset|contains: http")))
        .doesNotContain("lint.base64offset-without-contains");
  }

  @Test
  void wildcardValues() {
    RuleProblem any = only(selection("CommandLine: '*'"), "lint.wildcard-only");
    assertThat(any.message()).contains("|exists: true");
    assertThat(codes(selection("CommandLine|contains: 'a**b'"))).contains("lint.double-wildcard");
    assertThat(codes(selection("CommandLine|contains: 'a\\\\**b'")))
        .contains("lint.double-wildcard");
    assertThat(codes(selection("CommandLine|contains: 'a\\**b'")))
        .doesNotContain("lint.double-wildcard");
    RuleProblem esc =
        only(selection("CommandLine|contains: 'select \\* from'"), "lint.escaped-wildcard");
    assertThat(esc.position()).isEqualTo(new Position(17, 39));
    assertThat(codes(selection("Image: 'C:\\Windows\\*'"))).contains("lint.escaped-wildcard");
    assertThat(codes(selection("Image|startswith: 'C:\\\\Windows\\\\*'")))
        .doesNotContain("lint.escaped-wildcard");
  }

  @Test
  void wildcardsWhereAModifierSaysIt() {
    assertThat(
            only(selection("CommandLine: ['*a*', '*b*']"), "lint.wildcard-instead-of-modifier")
                .message())
        .contains("'CommandLine|contains'");
    assertThat(
            only(selection("Image: '*\\cmd.exe'"), "lint.wildcard-instead-of-modifier").message())
        .contains("endswith");
    assertThat(
            only(selection("Image: 'C:\\Temp\\\\*'"), "lint.wildcard-instead-of-modifier")
                .message())
        .contains("startswith");
    assertThat(codes(selection("Image: ['*a*', 'b']")))
        .doesNotContain("lint.wildcard-instead-of-modifier");
    assertThat(codes(selection("Image: '*a*b*'")))
        .doesNotContain("lint.wildcard-instead-of-modifier");
  }

  @Test
  void numbersControlCharactersAndDuplicates() {
    assertThat(codes(selection("EventID: '4688'"))).contains("lint.number-as-string");
    assertThat(codes(selection("EventID: 4688"))).doesNotContain("lint.number-as-string");
    assertThat(codes(selection("CommandLine|contains: '4688'")))
        .doesNotContain("lint.number-as-string");
    assertThat(only(selection("Image: \"C:\\temp\\file.exe\""), "lint.control-character").message())
        .contains("a tab")
        .contains("single quotes");
    RuleProblem dup =
        only(
            selection("Image|endswith:\n    - '\\a.exe'\n    - '\\A.EXE'"), "lint.duplicate-value");
    assertThat(dup.position()).isEqualTo(new Position(19, 16));
    assertThat(codes(selection("Image|endswith|cased:\n    - '\\a.exe'\n    - '\\A.EXE'")))
        .doesNotContain("lint.duplicate-value");
  }

  @Test
  void fieldNamesPlaceholdersUsersAndHashes() {
    assertThat(codes(selection("'Process Name': x"))).contains("lint.space-in-field");
    assertThat(codes(selection("ComputerName|expand: 'WS01'")))
        .contains("lint.expand-without-placeholder");
    assertThat(codes(selection("ComputerName: '%Workstations%'")))
        .contains("lint.placeholder-without-expand");
    assertThat(codes(selection("CommandLine|contains: '%APPDATA%'")))
        .doesNotContain("lint.placeholder-without-expand");
    assertThat(codes(selection("User: 'NT AUTHORITY\\SYSTEM'"))).contains("lint.localized-user");
    assertThat(codes(selection("User|contains: ['AUTHORI', 'AUTORI']")))
        .doesNotContain("lint.localized-user");
    assertThat(codes(selection("Hashes|contains: 'MD5=0123'"))).contains("lint.hash-value");
    assertThat(codes(selection("Hashes|contains: 'SHA256=" + "a".repeat(64) + "'")))
        .doesNotContain("lint.hash-value");
    assertThat(codes(selection("Hashes|contains: 'CRC=12'"))).contains("lint.hash-value");
    assertThat(codes(selection("CommandLine|re|ignorecase: 'a.b'")))
        .contains("lint.modifier-spelling");
  }

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
