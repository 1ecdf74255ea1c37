package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The Horspool search finds what a plain scan with ASCII folding finds. */
class TextSearchTest {

  private static int naive(String v, String p) {
    for (int i = 0; i + p.length() <= v.length(); i++) {
      boolean ok = true;
      for (int j = 0; j < p.length() && ok; j++) {
        char a = v.charAt(i + j);
        char b = p.charAt(j);
        ok =
            a == b
                || (a < 128
                    && b < 128
                    && Character.isLetter(a)
                    && Character.toLowerCase(a) == Character.toLowerCase(b));
      }
      if (ok) {
        return i;
      }
    }
    return -1;
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(
            "a", "A", "b", "-", "Ex", "ex", "port", "\u0141", "\u0241", "\u0161", "é", "É", " ",
            "\u212A", "k")
        .list()
        .ofMaxSize(12)
        .map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void findsTheFirstOccurrenceIgnoringAsciiCase(
      @ForAll("texts") String value, @ForAll("texts") String pattern) {
    Text.AsciiFolded p = new Text.AsciiFolded(pattern);
    assertThat(p.indexIn(value, 0)).isEqualTo(naive(value, pattern));
    assertThat(p.equalsValue(value))
        .isEqualTo(value.length() == pattern.length() && naive(value, pattern) == 0);
  }

  @Test
  void nonAsciiCharactersMatchOnlyThemselves() {
    Text.AsciiFolded p = new Text.AsciiFolded("Jürgen");
    assertThat(p.indexIn("x JÜRGEN", 0)).isEqualTo(-1);
    assertThat(p.indexIn("x jürGEN", 0)).isEqualTo(2);
    // Low bytes that collide in the shift table (U+0141 and A) still shift safely.
    assertThat(new Text.AsciiFolded("xxA").indexIn("\u0141\u0141xxa", 0)).isEqualTo(2);
  }

  @Test
  void loweredComparesCodePointsLowerCased() {
    Text.Lowered p = new Text.Lowered("ÜBER\uD801\uDC00");
    assertThat(p.indexIn("x über\uD801\uDC28 y", 0)).isEqualTo(2);
    assertThat(p.suffixStart("x über\uD801\uDC28")).isEqualTo(2);
    assertThat(p.equalsValue("über\uD801\uDC28")).isTrue();
    assertThat(p.equalsValue("uber\uD801\uDC28")).isFalse();
  }
}
