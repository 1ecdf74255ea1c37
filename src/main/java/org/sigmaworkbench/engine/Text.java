package org.sigmaworkbench.engine;

import java.util.Arrays;
import org.sigmaworkbench.rule.CaseFolding;

/**
 * String search without allocation, in the two case-insensitive forms of {@link CaseFolding}: ASCII
 * folding (KQL's {@code =~}, {@code contains}, ...: ASCII letters match either case, every other
 * character only itself) and code-point lower-casing ({@code tolower()} on both sides).
 */
final class Text {
  private Text() {}

  /** Whether two characters are equal with ASCII letters folded. */
  static boolean asciiFoldedEquals(char a, char b) {
    if (a == b) {
      return true;
    }
    int x = a | 0x20;
    return x == (b | 0x20) && x >= 'a' && x <= 'z';
  }

  /** Whether {@code value} holds {@code p} at {@code from}, ASCII letters folded. */
  static boolean asciiRegionMatches(String value, int from, String p) {
    int m = p.length();
    if (from < 0 || from > value.length() - m) {
      return false;
    }
    for (int j = 0; j < m; j++) {
      if (!asciiFoldedEquals(value.charAt(from + j), p.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  /** The first index of {@code p} in {@code value} with ASCII letters folded, or -1. */
  static int asciiIndexOf(String value, String p) {
    for (int i = 0; i <= value.length() - p.length(); i++) {
      if (asciiRegionMatches(value, i, p)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A pattern prepared for ASCII-folding search: per position the character wanted after OR-ing in
   * a mask ({@code 0x20} for an ASCII letter, so both cases meet in the lower case; 0 for anything
   * else, which must be equal), and a Horspool shift table indexed by the low byte of a character.
   */
  static final class AsciiFolded {
    final String text;
    final char[] want;
    final char[] mask;
    final int[] shift = new int[256];

    AsciiFolded(String text) {
      this.text = text;
      int m = text.length();
      want = new char[m];
      mask = new char[m];
      for (int i = 0; i < m; i++) {
        char c = text.charAt(i);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        mask[i] = letter ? (char) 0x20 : 0;
        want[i] = (char) (c | mask[i]);
      }
      Arrays.fill(shift, Math.max(m, 1));
      for (int j = 0; j < m - 1; j++) {
        int s = m - 1 - j;
        char c = want[j];
        shift[c & 0xFF] = Math.min(shift[c & 0xFF], s);
        if (mask[j] != 0) {
          char upper = (char) (c - 0x20);
          shift[upper & 0xFF] = Math.min(shift[upper & 0xFF], s);
        }
      }
    }

    int length() {
      return want.length;
    }

    /** Whether {@code value} holds the pattern at {@code from}. */
    boolean regionMatches(String value, int from) {
      int m = want.length;
      if (from < 0 || from > value.length() - m) {
        return false;
      }
      char[] w = want;
      char[] k = mask;
      for (int j = 0; j < m; j++) {
        if ((value.charAt(from + j) | k[j]) != w[j]) {
          return false;
        }
      }
      return true;
    }

    boolean equalsValue(String value) {
      return value.length() == want.length && regionMatches(value, 0);
    }

    /** The first index at or after {@code from} where the pattern occurs, or -1. */
    int indexIn(String value, int from) {
      int m = want.length;
      int n = value.length();
      if (m == 0) {
        return from <= n ? from : -1;
      }
      if (m < 3) {
        for (int i = from; i <= n - m; i++) {
          if (regionMatches(value, i)) {
            return i;
          }
        }
        return -1;
      }
      char[] w = want;
      char[] k = mask;
      int[] sh = shift;
      char lastWant = w[m - 1];
      char lastMask = k[m - 1];
      int i = from + m - 1;
      while (i < n) {
        char c = value.charAt(i);
        if ((c | lastMask) == lastWant) {
          int j = m - 2;
          int at = i - 1;
          while (j >= 0 && (value.charAt(at) | k[j]) == w[j]) {
            j--;
            at--;
          }
          if (j < 0) {
            return i - m + 1;
          }
        }
        i += sh[c & 0xFF];
      }
      return -1;
    }
  }

  /** A pattern prepared for search on lower-cased code points. */
  static final class Lowered {
    final String text;
    final int[] codePoints;

    Lowered(String text) {
      this.text = text;
      this.codePoints = text.codePoints().map(CaseFolding::toLower).toArray();
    }

    /**
     * The end index (in chars of {@code value}) of the pattern matched at {@code from}, or -1 when
     * it does not match there.
     */
    int matchEnd(String value, int from) {
      int at = from;
      int n = value.length();
      for (int cp : codePoints) {
        if (at >= n) {
          return -1;
        }
        int v = value.codePointAt(at);
        if (CaseFolding.toLower(v) != cp) {
          return -1;
        }
        at += Character.charCount(v);
      }
      return at;
    }

    boolean equalsValue(String value) {
      return matchEnd(value, 0) == value.length();
    }

    /** The first code-point index at or after {@code from} where the pattern starts, or -1. */
    int indexIn(String value, int from) {
      int n = value.length();
      for (int i = from; i <= n; ) {
        if (matchEnd(value, i) >= 0) {
          return i;
        }
        if (i == n) {
          break;
        }
        i += Character.charCount(value.codePointAt(i));
      }
      return -1;
    }

    /** The start of the pattern when the value ends with it, or -1. */
    int suffixStart(String value) {
      // Code points may differ in char count only in theory; try each code point boundary from the
      // end that leaves room for the pattern's code points.
      int count = codePoints.length;
      int i = value.length();
      for (int k = 0; k < count && i > 0; k++) {
        i = value.offsetByCodePoints(i, -1);
      }
      if (value.codePointCount(i, value.length()) != count) {
        return -1;
      }
      return matchEnd(value, i) == value.length() ? i : -1;
    }
  }
}
