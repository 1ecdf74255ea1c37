package org.sigmaworkbench.rule.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The patterns of {@code 1 of PATTERN} / {@code all of PATTERN} over search identifiers. */
class IdentifierPatternTest {

  /** The meaning written as a regular expression: '*' any run, '?' one character. */
  private static boolean byRegex(String glob, String name) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      b.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(b.toString(), Pattern.DOTALL).matcher(name).matches();
  }

  @Provide
  Arbitrary<String> globs() {
    return Arbitraries.strings().withChars("ab*?_").ofMaxLength(7);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ab_").ofMaxLength(9);
  }

  @Property(tries = 3000)
  void matchesAsTheRegularExpressionWould(
      @ForAll("globs") String glob, @ForAll("names") String name) {
    assertThat(ConditionParser.globMatches(glob, name)).isEqualTo(byRegex(glob, name));
  }

  @Test
  void manyStarsOverALongNameTakeLinearSteps() {
    // As a regular expression this tries every split of the name among the stars: found by
    // fuzzing, seconds for a 300-byte rule.
    String name = "s_" + "\uFFFD".repeat(2000) + "n";
    assertThat(ConditionParser.globMatches("****es?***", name)).isFalse();
    assertThat(ConditionParser.globMatches("s_****n", name)).isTrue();
    assertThat(ConditionParser.globMatches("*?*?*?*", "ab")).isFalse();
    assertThat(ConditionParser.globMatches("selection_*", "selection_")).isTrue();
  }
}
