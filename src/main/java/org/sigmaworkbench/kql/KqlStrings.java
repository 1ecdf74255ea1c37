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
          if (c < 0x20
              || c == 0x7F
              || c == '\u0085'
              || c == '\u2028'
              || c == '\u2029'
              || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
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
