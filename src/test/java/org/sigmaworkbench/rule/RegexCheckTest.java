package org.sigmaworkbench.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexCheckTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "a(?=b)#a look-ahead (?=...)",
        "a(?!b)#a negative look-ahead (?!...)",
        "(?>ab)c#an atomic group (?>...)",
        "(?<=a)b#a look-behind (?<=...)",
        "(?<!a)b#a negative look-behind (?<!...)",
        "(?(1)a|b)#a conditional group (?(...)",
        "(a)(?R)#a recursive pattern (?R)",
        "(a)(?1)#a recursive pattern (?R)",
        "(a)\\1#a back-reference (\\1)",
        "(?<n>a)\\k<n>#a named back-reference (\\k<...>)",
        "\\Gab#the \\G anchor",
        "ab\\Z#the \\Z anchor (use \\z or $)",
        "a++#a possessive quantifier (++)",
        "a{2}+#a possessive quantifier (}+)"
      })
  void namesTheFirstConstructRe2DoesNotHave(String pattern, String construct) {
    assertThat(RegexCheck.unsupportedConstruct(pattern)).isEqualTo(construct);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "(?i)abc",
        "(?<name>a)b",
        "(?:ab)+",
        "[(?=]x",
        "\\(?=x",
        "[\\1]",
        "a*?",
        "a\\++",
        "(?"
      })
  void acceptsWhatRe2Has(String pattern) {
    assertThat(RegexCheck.unsupportedConstruct(pattern)).isNull();
  }
}
