package org.sigmaworkbench.rule;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong with a rule, at a place in its text.
 *
 * @param severity error or warning
 * @param code a stable identifier ({@code yaml}, {@code modifier}, {@code lint.title-length}, ...)
 *     that lint settings can switch off
 * @param message what is wrong and, where it helps, what was expected
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param excerpt the offending text, or empty
 */
public record RuleProblem(
    Severity severity, String code, String message, int line, int column, String excerpt) {

  public RuleProblem {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(code);
    Objects.requireNonNull(message);
    excerpt = excerpt == null ? "" : excerpt;
  }

  public static RuleProblem error(String code, String message, Position at, String excerpt) {
    return new RuleProblem(Severity.ERROR, code, message, at.line(), at.column(), excerpt);
  }

  public static RuleProblem warning(String code, String message, Position at, String excerpt) {
    return new RuleProblem(Severity.WARNING, code, message, at.line(), at.column(), excerpt);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Position position() {
    return new Position(line, column);
  }

  /** One line for humans: {@code 12:5 error: message (near 'text')}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (line > 0) {
      b.append(line).append(':').append(column).append(' ');
    }
    b.append(severity.label()).append(": ").append(message);
    if (!excerpt.isEmpty()) {
      String shown = excerpt.length() > 60 ? excerpt.substring(0, 57) + "..." : excerpt;
      b.append(" (near '").append(shown.replace("\n", "\\n")).append("')");
    }
    return b.toString();
  }

  /** The first error among {@code problems}, described with its position; null when none is. */
  public static String firstError(List<RuleProblem> problems) {
    return problems.stream()
        .filter(RuleProblem::isError)
        .findFirst()
        .map(RuleProblem::describe)
        .orElse(null);
  }
}
