package org.sigmaworkbench.authoring;

/** Where a YAML scalar written on one line begins and ends, from where its text begins. */
final class Scalars {
  private Scalars() {}

  /**
   * A scalar's extent.
   *
   * @param start where it is written, opening quote included
   * @param contentStart where its text begins
   * @param contentEnd where its text ends (before a closing quote)
   * @param end after the closing quote, or {@code contentEnd}
   */
  record Span(int start, int contentStart, int contentEnd, int end) {
    boolean quoted() {
      return start != contentStart;
    }
  }

  /** The scalar whose text begins at {@code offset} (just after an opening quote, if any). */
  static Span at(String text, int offset) {
    char before = offset > 0 ? text.charAt(offset - 1) : 0;
    if (before == '\'') {
      int i = offset;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\'') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i += 2;
            continue;
          }
          return new Span(offset - 1, offset, i, i + 1);
        }
        if (c == '\n') {
          break;
        }
        i++;
      }
      return new Span(offset - 1, offset, i, i);
    }
    if (before == '"') {
      int i = offset;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == '"') {
          return new Span(offset - 1, offset, i, i + 1);
        }
        if (c == '\n') {
          break;
        }
        i++;
      }
      return new Span(offset - 1, offset, Math.min(i, text.length()), Math.min(i, text.length()));
    }
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    boolean flow = text.substring(lineStart, offset).indexOf('[') >= 0;
    int i = offset;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == '#' && i > offset && Character.isWhitespace(text.charAt(i - 1))) {
        break;
      }
      if (flow && (c == ',' || c == ']' || c == '}')) {
        break;
      }
      i++;
    }
    while (i > offset && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return new Span(offset, offset, i, i);
  }
}
