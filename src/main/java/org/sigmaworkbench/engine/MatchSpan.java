package org.sigmaworkbench.engine;

/**
 * A part of a field value that a rule value matched.
 *
 * @param identifier the search identifier (selection) the rule value belongs to
 * @param field the Sigma field as the rule names it, or the column for a keyword
 * @param column the event's own name for that field (a CSV column, an EventData name)
 * @param start index of the first matched character
 * @param end index after the last matched character
 * @param ruleValue the rule value as written
 * @param ruleKey the rule's key with modifiers ({@code CommandLine|contains})
 * @param line the line of the rule value in the rule text
 * @param occurrence which value of the column was matched: 0 for the first (or only) one, 1 for the
 *     next, as for the unnamed {@code <Data>} of an event, all read as {@code Data}
 */
public record MatchSpan(
    String identifier,
    String field,
    String column,
    int start,
    int end,
    String ruleValue,
    String ruleKey,
    int line,
    int occurrence) {}
