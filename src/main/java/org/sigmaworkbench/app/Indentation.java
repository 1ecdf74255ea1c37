package org.sigmaworkbench.app;

/**
 * Indenting and outdenting whole lines with spaces, as Tab and Shift+Tab do in the rule editor
 * (YAML does not allow tabs for indentation). Plain text in, one replacement out: no JavaFX here.
 */
final class Indentation {
  private Indentation() {}

  /** Width used when the document shows no indentation yet. */
  static final int DEFAULT_STEP = 4;

  /**
   * The indentation step the document uses: the smallest positive increase of leading spaces from
   * one non-blank line to the next (2 in a file indented by 2, 4 in one indented by 4), or {@link
   * #DEFAULT_STEP} when no line is indented deeper than the one before it.
   */
  static int step(String text) {
    int smallest = Integer.MAX_VALUE;
    int previous = -1;
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      int lead = leadingSpaces(line);
      if (previous >= 0 && lead > previous) {
        smallest = Math.min(smallest, lead - previous);
      }
      previous = lead;
    }
    return smallest == Integer.MAX_VALUE ? DEFAULT_STEP : smallest;
  }

  /**
   * Replace {@code text[from, to)} with {@code replacement}, then select from {@code anchor} to
   * {@code caret} (offsets in the new text).
   */
  record Edit(int from, int to, String replacement, int anchor, int caret) {}

  /**
   * Indents ({@code outdent == false}) or outdents by {@code step} spaces every line touched by the
   * selection {@code [anchor, caret]} (either order); with no selection, the caret's line. A
   * selection that ends at the very start of a line leaves that line alone. When several lines are
   * indented, blank lines stay empty; outdenting removes up to {@code step} leading spaces.
   */
  static Edit apply(String text, int anchor, int caret, int step, boolean outdent) {
    int start = Math.min(anchor, caret);
    int end = Math.max(anchor, caret);
    int first = text.lastIndexOf('\n', start - 1) + 1;
    int last = end > start && end > 0 && text.charAt(end - 1) == '\n' ? end - 1 : end;
    int stop = text.indexOf('\n', Math.max(last, first));
    if (stop < 0) {
      stop = text.length();
    }
    String[] lines = text.substring(first, stop).split("\n", -1);
    boolean several = lines.length > 1;
    StringBuilder out = new StringBuilder();
    int lineStart = first;
    int newAnchor = anchor;
    int newCaret = caret;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int delta;
      if (outdent) {
        delta = -Math.min(step, leadingSpaces(line));
      } else {
        delta = several && line.isBlank() ? 0 : step;
      }
      if (delta > 0) {
        out.append(" ".repeat(delta)).append(line);
      } else {
        out.append(line.substring(-delta));
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
      newAnchor = shifted(newAnchor, anchor, lineStart, delta, end > start);
      newCaret = shifted(newCaret, caret, lineStart, delta, end > start);
      lineStart += line.length() + 1;
    }
    return new Edit(first, stop, out.toString(), newAnchor, newCaret);
  }

  /**
   * Moves {@code current} (the running position of {@code original}) by one line's change:
   * positions after the line's start move with the text, one inside removed spaces lands at the
   * line's start, and a selection's end at a line's very start stays there (whole lines stay
   * selected).
   */
  private static int shifted(
      int current, int original, int lineStart, int delta, boolean selection) {
    if (original < lineStart || (selection && original == lineStart)) {
      return current;
    }
    if (delta >= 0) {
      return current + delta;
    }
    int removed = -delta;
    int into = original - lineStart;
    return current - Math.min(into, removed);
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
