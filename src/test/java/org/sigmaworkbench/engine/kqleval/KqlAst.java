package org.sigmaworkbench.engine.kqleval;

import java.util.List;

/** Parsed scalar expressions of the KQL subset. */
sealed interface KqlAst {

  /** A column of the row. */
  record Column(String name) implements KqlAst {}

  /**
   * A property of a dynamic value: {@code EventData.Image}, {@code EventData["cs-uri"]}; null when
   * the value has no such property or is not a property bag.
   */
  record Member(KqlAst base, String property) implements KqlAst {}

  /** All columns, as the left side of {@code * contains}. */
  record AllColumns() implements KqlAst {}

  /** A string, long, real or bool literal. */
  record Literal(Object value) implements KqlAst {}

  /** A function call: {@code tolong(x)}, {@code not(x)}, {@code ipv4_is_in_range(x, r)}. */
  record Call(String function, List<KqlAst> args) implements KqlAst {}

  /** A binary operator: comparisons, string operators, {@code matches regex}, and, or. */
  record Binary(String op, KqlAst left, KqlAst right) implements KqlAst {}

  /** {@code x between (low .. high)}, both ends included. */
  record Between(KqlAst value, KqlAst low, KqlAst high) implements KqlAst {}

  /** {@code x in (a, b)} and {@code x in~ (a, b)}. */
  record In(KqlAst left, List<KqlAst> values, boolean caseInsensitive) implements KqlAst {}
}
