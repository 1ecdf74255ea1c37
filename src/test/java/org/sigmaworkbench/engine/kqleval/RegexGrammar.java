package org.sigmaworkbench.engine.kqleval;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Small RE2 regular expressions: literals (ASCII and not), classes, groups, repetition, anchors.
 */
final class RegexGrammar {
  private RegexGrammar() {}

  static Arbitrary<String> regex() {
    Arbitrary<String> atom =
        Arbitraries.of(
            "a",
            "B",
            "k",
            "s",
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
            "(a|B)",
            "(?:cmd|ps)",
            "ü",
            "Ü",
            "\u212A",
            "п",
            "\\x{1F600}",
            "\\n",
            "é");
    Arbitrary<String> repeated =
        Combinators.combine(atom, Arbitraries.of("", "", "", "*", "+", "?", "{1,2}"))
            .as((a, r) -> a + r);
    return Combinators.combine(
            Arbitraries.of("", "", "^"),
            repeated.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l)),
            Arbitraries.of("", "", "$"))
        .as((a, b, c) -> a + b + c);
  }
}
