package org.sigmaworkbench.rule;

import java.util.List;

/**
 * One {@code field|modifier|...: value(s)} entry of a search identifier as the rule writes it,
 * before any modifier is applied: what lint reads to judge how a rule is written (the normalized
 * {@link Expr} says what it means).
 *
 * @param identifier the search identifier it belongs to
 * @param key the key as written ({@code CommandLine|contains|all}); empty for a keyword list
 * @param field the field name, or {@code null} for keywords
 * @param modifiers the modifier names as written, in order
 * @param keyPosition where the key is (for keywords, where the list or value is)
 * @param values the values in order
 * @param valueList whether the values were written as a YAML list
 */
public record DetectionItem(
    String identifier,
    String key,
    String field,
    List<String> modifiers,
    Position keyPosition,
    List<Value> values,
    boolean valueList) {

  public DetectionItem {
    modifiers = List.copyOf(modifiers);
    values = List.copyOf(values);
  }

  /** What YAML made of a value. */
  public enum ValueKind {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  /**
   * One value as written.
   *
   * @param text the scalar text (without quotes)
   * @param kind string, number, boolean or null
   * @param quoted whether it was written in quotes
   * @param position where its text begins
   */
  public record Value(String text, ValueKind kind, boolean quoted, Position position) {}

  public boolean isKeyword() {
    return field == null;
  }

  public boolean has(String modifier) {
    return modifiers.contains(modifier);
  }
}
