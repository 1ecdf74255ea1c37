package org.sigmaworkbench.kql;

/** KQL literals and names written so that no rule value can break out of them. */
public final class KqlStrings {
  private KqlStrings() {}

  /** A double-quoted KQL string literal holding exactly {@code s}. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (isInvisible(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * Characters written as {@code \\uXXXX}: controls, format characters (such as the right-to-left
   * override, which can make a query read differently than it matches), line and paragraph
   * separators, private-use and unassigned code points, and unpaired surrogates. Every other
   * character is written as itself.
   */
  private static boolean isInvisible(String s, int i) {
    char c = s.charAt(i);
    if (Character.isSurrogate(c)) {
      if (!validSurrogate(s, i)) {
        return true;
      }
      int cp = Character.codePointAt(s, Character.isHighSurrogate(c) ? i : i - 1);
      return invisibleType(Character.getType(cp));
    }
    return invisibleType(Character.getType(c));
  }

  private static boolean invisibleType(int type) {
    return switch (type) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** A column name as KQL needs it: bare when it is an identifier, else {@code ['name']}. */
  public static String column(String name) {
    if (isIdentifier(name)) {
      return name;
    }
    StringBuilder b = new StringBuilder("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append("']").toString();
  }

  static boolean isIdentifier(String name) {
    if (name.isEmpty() || KqlKeywords.isReserved(name)) {
      return false;
    }
    char first = name.charAt(0);
    if (!(Character.isLetter(first) && first < 128) && first != '_') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
