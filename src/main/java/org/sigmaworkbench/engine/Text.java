package org.sigmaworkbench.engine;

/**
 * Case-insensitive string search without allocation. Characters compare equal ignoring case when
 * their upper-case or lower-case forms are equal, as {@link String#equalsIgnoreCase} and KQL's
 * case-insensitive operators treat them.
 */
final class Text {
  private Text() {}

  /** A pattern prepared for case-insensitive search. */
  static final class Folded {
    final String text;
    final char[] lower;
    final char[] upper;
    final boolean ascii;

    Folded(String text) {
      this.text = text;
      this.lower = new char[text.length()];
      this.upper = new char[text.length()];
      boolean a = true;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        lower[i] = Character.toLowerCase(c);
        upper[i] = Character.toUpperCase(c);
        if (c >= 128) {
          a = false;
        }
      }
      this.ascii = a;
    }

    int length() {
      return lower.length;
    }
  }

  static boolean charEqualsIgnoreCase(char c, char lower, char upper) {
    if (c == lower || c == upper) {
      return true;
    }
    if (c < 128) {
      return false;
    }
    char u = Character.toUpperCase(c);
    return u == upper || Character.toLowerCase(u) == lower || Character.toLowerCase(c) == lower;
  }

  /** Whether {@code value} holds {@code p} at {@code from}, ignoring case. */
  static boolean regionMatches(String value, int from, Folded p) {
    int n = p.length();
    if (from < 0 || from + n > value.length()) {
      return false;
    }
    char[] lo = p.lower;
    char[] up = p.upper;
    for (int j = 0; j < n; j++) {
      char c = value.charAt(from + j);
      if (c != lo[j] && c != up[j] && (c < 128 || !charEqualsIgnoreCase(c, lo[j], up[j]))) {
        return false;
      }
    }
    return true;
  }

  /** The first index of {@code p} in {@code value} ignoring case, or -1. */
  static int indexOfIgnoreCase(String value, Folded p) {
    int n = p.length();
    if (n == 0) {
      return 0;
    }
    int last = value.length() - n;
    if (last < 0) {
      return -1;
    }
    char lo0 = p.lower[0];
    char up0 = p.upper[0];
    boolean asciiFirst = p.text.charAt(0) < 128;
    for (int i = 0; i <= last; i++) {
      char c = value.charAt(i);
      if (c == lo0 || c == up0 || (!asciiFirst || c >= 128) && charEqualsIgnoreCase(c, lo0, up0)) {
        if (regionMatches(value, i, p)) {
          return i;
        }
      }
    }
    return -1;
  }
}
