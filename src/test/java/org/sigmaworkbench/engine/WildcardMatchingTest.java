package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.SigmaString;

/** The glob matcher means exactly what the wildcard's RE2 regex means. */
class WildcardMatchingTest {

  private static boolean regex(SigmaString s, boolean cased, String v) {
    return Pattern.compile(s.toRegex(cased)).matcher(v).find();
  }

  @Test
  void everyAsciiPatternCharacterFoldsLikeRe2AgainstEveryBmpCharacter() {
    for (char p = 0x20; p < 0x7F; p++) {
      if (p == '*' || p == '?' || p == '\\') {
        continue;
      }
      SigmaString s = SigmaString.literal("a" + p);
      GlobTest glob = GlobTest.of(s, false);
      Pattern re = Pattern.compile(s.toRegex(false));
      for (int c = 0; c < 0x10000; c++) {
        if (Character.isSurrogate((char) c)) {
          continue;
        }
        String v = "A" + (char) c;
        assertThat(glob.test(v))
            .as("pattern %s, value U+%04X", p, c)
            .isEqualTo(re.matcher(v).find());
      }
    }
  }

  @Test
  void questionMarkIsOneCodePointAndStarSpansLines() {
    GlobTest one = GlobTest.of(SigmaString.parse("a?b"), false);
    assertThat(one.test("a\uD83D\uDE00b")).isTrue();
    assertThat(one.test("a\nb")).isTrue();
    assertThat(one.test("ab")).isFalse();
    GlobTest two = GlobTest.of(SigmaString.parse("*??"), true);
    assertThat(two.test("\uD83D\uDE00")).isFalse();
    assertThat(GlobTest.of(SigmaString.parse("x*y"), false).test("X\n\nY")).isTrue();
  }

  @Test
  void nonAsciiIgnoringCaseGoesToTheRegex() {
    assertThat(GlobTest.of(SigmaString.parse("j*ÜRGEN"), false)).isNull();
    assertThat(GlobTest.of(SigmaString.parse("j*ÜRGEN"), true)).isNotNull();
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("a", "K", "s", "*", "?", "\\*", "x.y", "ü", "-", "\uD83D\uDE00", "\n")
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(
            "a",
            "A",
            "k",
            "\u212A",
            "S",
            "\u017F",
            "*",
            "x.y",
            "xzy",
            "Ü",
            "ü",
            "-",
            "\uD83D\uDE00",
            "\uD83D",
            "\n",
            "")
        .list()
        .ofMaxSize(8)
        .map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void globAgreesWithTheRegex(
      @ForAll("patterns") String pattern, @ForAll("values") String value, @ForAll boolean cased) {
    SigmaString s = SigmaString.parse(pattern);
    GlobTest glob = GlobTest.of(s, cased);
    if (glob != null) {
      assertThat(glob.test(value)).isEqualTo(regex(s, cased, value));
    }
  }
}
