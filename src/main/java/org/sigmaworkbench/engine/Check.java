package org.sigmaworkbench.engine;

import java.util.List;

/**
 * One entry of a search identifier (a field with its modifiers and its values, or a list of
 * keywords) and how it fared on an event: what an analyst reads to see why an expected event was
 * missed.
 *
 * @param identifier the search identifier the entry belongs to
 * @param key the key as written, with modifiers ({@code CommandLine|contains}); empty for keywords
 * @param held whether the entry as a whole held (every value with {@code |all}, none with {@code
 *     |neq})
 * @param matchedValues the rule values that held, as written in the rule
 * @param values how many values the entry has
 * @param line the line of the entry's first value in the rule text
 * @param noValue the field the entry names, when the event has no value for it (lacks it or holds
 *     the empty string; see {@link org.sigmaworkbench.rule.Predicate#holdsOnNoValue()}), else
 *     {@code null}; always {@code null} for keywords
 */
public record Check(
    String identifier,
    String key,
    boolean held,
    List<String> matchedValues,
    int values,
    int line,
    String noValue) {
  public Check {
    matchedValues = List.copyOf(matchedValues);
  }

  /** Why the entry did not hold, for people: {@code CommandLine has no value}, or empty. */
  public String noValueNote() {
    return noValue == null ? "" : noValue + " has no value";
  }
}
