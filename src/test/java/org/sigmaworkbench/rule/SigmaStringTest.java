package org.sigmaworkbench.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigmaStringTest {

  @Test
  void plainBackslashesStayLiteral() {
    assertThat(SigmaString.parse("C:\\Windows\\").plain()).isEqualTo("C:\\Windows\\");
    assertThat(SigmaString.parse("C:\\Windows\\").hasWildcards()).isFalse();
  }

  @Test
  void doubleBackslashIsOneBackslash() {
    assertThat(SigmaString.parse("a\\\\b").plain()).isEqualTo("a\\b");
  }

  @Test
  void escapedWildcardsAreLiterals() {
    SigmaString s = SigmaString.parse("a\\*b\\?c");
    assertThat(s.hasWildcards()).isFalse();
    assertThat(s.plain()).isEqualTo("a*b?c");
  }

  @Test
  void backslashBeforeWildcardNeedsEscapingItself() {
    SigmaString s = SigmaString.parse("C:\\\\*");
    assertThat(s.tokens()).containsExactly(new SigmaString.Literal("C:\\"), SigmaString.ANY_STRING);
  }

  @Test
  void threeOrFourBackslashesAreTwo() {
    assertThat(SigmaString.parse("\\\\\\\\").plain()).isEqualTo("\\\\");
    assertThat(SigmaString.parse("x\\\\\\y").plain()).isEqualTo("x\\\\y");
  }

  @Test
  void wildcardsAreTokens() {
    SigmaString s = SigmaString.parse("*who?mi*");
    assertThat(s.tokens())
        .containsExactly(
            SigmaString.ANY_STRING,
            new SigmaString.Literal("who"),
            SigmaString.ANY_CHAR,
            new SigmaString.Literal("mi"),
            SigmaString.ANY_STRING);
  }

  @Test
  void regexQuotesLiteralsAndAnchors() {
    assertThat(SigmaString.parse("a*b.c?").toRegex(false)).isEqualTo("(?is)^a.*b\\.c.$");
    assertThat(SigmaString.parse("(x)").toRegex(true)).isEqualTo("(?s)^\\(x\\)$");
  }

  @Test
  void writesBackWithEscapes() {
    assertThat(SigmaString.parse("a\\*b*").toSigma()).isEqualTo("a\\*b*");
  }
}
