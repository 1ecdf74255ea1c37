package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** What a regex is said to need, every match has. */
class RegexFactsTest {

  @Test
  void literalsOfSigmaRules() {
    assertThat(RegexFacts.of("\\$PSHome\\[\\s*\\d{1,3}\\s*\\]", false).needs)
        .containsExactly("$pshome[");
    assertThat(
            RegexFacts.of(
                    "(?:[Pp]rogram[Dd]ata|%(?:[Ll]ocal)?[Aa]pp[Dd]ata%|\\\\[Aa]pp[Dd]ata\\\\(?:[Ll]ocal(?:[Ll]ow)?|[Rr]oaming))\\\\[^\\\\]{1,256}$",
                    false)
                .needs)
        .containsExactlyInAnyOrder(
            "programdata\\",
            "%appdata%\\",
            "%localappdata%\\",
            "\\appdata\\local\\",
            "\\appdata\\locallow\\",
            "\\appdata\\roaming\\");
    assertThat(
            RegexFacts.of(
                    "cmd.{0,5}(?:/c|/r).+powershell.+(?:\\$\\{?input\\}?|noexit).+\\\"", false)
                .needs)
        .containsExactly("powershell");
    RegexFacts snake = RegexFacts.of("\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}", false);
    assertThat(snake.needs).isNull();
    assertThat(snake.minLength).isEqualTo(82);
    assertThat(snake.run.length()).isEqualTo(64);
    assertThat(snake.run.in(" " + "ab12".repeat(16) + " ")).isTrue();
    assertThat(snake.run.in(" " + "ab12".repeat(15) + "x" + "ab12")).isFalse();
    assertThat(
            RegexFacts.of("(?i)\\.exe[\\\"\\']?\\s+[^\\\"]{0,64}werfaultsecure\\.exe", false).needs)
        .containsExactly("werfaultsecure.exe");
    assertThat(RegexFacts.of("a|bcd", false).needs).containsExactlyInAnyOrder("a", "bcd");
    assertThat(RegexFacts.of("a?|bcd", false).needs).isNull();
    assertThat(RegexFacts.of("(?i)über", false).needs).containsExactly("ber");
    assertThat(RegexFacts.of("(?i)ü", false).needs).isNull();
    assertThat(RegexFacts.of("net\\s+user\\s+", false).required)
        .containsExactly(Set.of("net"), Set.of("user"));
    assertThat(RegexFacts.of("über", false).needs).containsExactly("über");
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> atom =
        Arbitraries.of(
            "a",
            "B",
            "k",
            "s",
            "cmd",
            "x1",
            "\\.",
            "\\\\",
            "-",
            " ",
            ".",
            "\\d",
            "\\w",
            "\\s",
            "[a-c]",
            "[^a]",
            "[Kk]",
            "(a|Bc)",
            "(?:cmd|ps)",
            "(?i)",
            "(?i:ab)",
            "ü",
            "Ü",
            "\u212A",
            "\u017F",
            "\\x{1F600}",
            "\\n",
            "é",
            "^",
            "$",
            "\\b",
            "\\Qa.b\\E",
            "[[:alpha:]]",
            "\\pL",
            "[a-f0-9]{8}",
            "\\w{9,}",
            "[^x]{8}",
            "(?i)[k-m]{8}");
    Arbitrary<String> item =
        net.jqwik.api.Combinators.combine(
                atom, Arbitraries.of("", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,2}", "+?"))
            .as(
                (a, r) ->
                    a.startsWith("(?i)") || a.equals("^") || a.equals("$") || a.equals("\\b")
                        ? a
                        : a + r);
    return item.list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(l -> String.join("", l))
        .flatMap(s -> Arbitraries.of(s, s + "|x1y", "(" + s + ")+"));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(
            "a",
            "A",
            "B",
            "b",
            "c",
            "cmd",
            "CMD",
            "ps",
            "k",
            "K",
            "\u212A",
            "s",
            "\u017F",
            "S",
            "x1",
            "X1y",
            ".",
            "\\",
            "-",
            " ",
            "\n",
            "ü",
            "Ü",
            "é",
            "\uD83D\uDE00",
            "a.b",
            "7",
            "_",
            "z")
        .list()
        .ofMaxSize(10)
        .map(l -> String.join("", l));
  }

  /**
   * Found by the property below: a repetition after \\E repeats the quoted text's last character.
   */
  @Example
  void aRepetitionAfterQuotedTextRepeatsItsLastCharacterOnly() {
    String pattern = "\\Qa.b\\E{2}";
    assertThat(Pattern.compile(pattern).matcher("xa.bby").find()).isTrue();
    for (boolean ignoreCase : new boolean[] {false, true}) {
      RegexFacts facts = RegexFacts.of(pattern, ignoreCase);
      assertThat(facts.minLength).isLessThanOrEqualTo("a.bb".length());
      if (facts.needs != null) {
        assertThat(facts.needs).allMatch("a.bb"::contains);
      }
    }
    everyMatchHasWhatIsNeeded(pattern, "a.bB", true);
    everyMatchHasWhatIsNeeded("x\\Qa.b\\E+y", "xa.bbby", false);
    assertThat(RegexFacts.of("\\Qa.b\\E", false).needs).containsExactly("a.b");
  }

  @Property(tries = 5000)
  void everyMatchHasWhatIsNeeded(
      @ForAll("patterns") String pattern,
      @ForAll("values") String value,
      @ForAll boolean ignoreCase) {
    Pattern re;
    try {
      re = Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    } catch (RuntimeException e) {
      return;
    }
    RegexFacts facts = RegexFacts.of(pattern, ignoreCase);
    Statistics.label("needs known").collect(facts.needs != null);
    com.google.re2j.Matcher m = re.matcher(value);
    if (!m.find()) {
      return;
    }
    String match = value.substring(m.start(), m.end());
    assertThat(match.codePointCount(0, match.length())).isGreaterThanOrEqualTo(facts.minLength);
    if (facts.run != null) {
      assertThat(facts.run.in(match))
          .as("run %s in '%s' of /%s/", facts.run, match, pattern)
          .isTrue();
    }
    String folded = fold(match);
    if (facts.needs != null) {
      assertThat(facts.required).contains(facts.needs);
    }
    for (Set<String> needs : facts.required) {
      assertThat(needs.stream().anyMatch(folded::contains))
          .as("match '%s' of /%s/ holds none of %s", match, pattern, needs)
          .isTrue();
    }
  }

  private static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = LiteralScanner.fold(c[i]);
    }
    return new String(c);
  }
}
