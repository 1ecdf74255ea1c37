package org.sigmaworkbench.rule.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigmaworkbench.rule.lint.LintFixtures.codes;
import static org.sigmaworkbench.rule.lint.LintFixtures.detection;
import static org.sigmaworkbench.rule.lint.LintFixtures.only;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleProblem;

/** How detection values are written. */
class ValueLintTest {

  private static String selection(String body) {
    return detection("selection:\n" + body.indent(4) + "condition: selection\n");
  }

  @Test
  void wildcardValues() {
    RuleProblem any = only(selection("CommandLine: '*'"), "lint.wildcard-only");
    assertThat(any.message()).contains("not an empty or missing field").contains("|exists: true");
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
  void placeholdersUsersAndHashes() {
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
  }
}
