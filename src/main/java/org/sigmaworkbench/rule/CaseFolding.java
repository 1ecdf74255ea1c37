package org.sigmaworkbench.rule;

/**
 * How a case-insensitive string comparison treats letters beyond ASCII, decided here once for the
 * KQL writer and the matcher.
 *
 * <p>KQL's case-insensitive operators ({@code =~}, {@code contains}, {@code startswith}, {@code
 * in~}, ...) fold ASCII letters only; Microsoft documents them as "supported only for ASCII text"
 * and points to {@code tolower()} for the rest. So a case-insensitive rule value that holds a cased
 * letter outside ASCII ({@code Ü}, {@code П}) is compared on lower-cased text: {@code
 * tolower(column)} against the lower-cased value with the case-sensitive operator, and the matcher
 * compares code points lower-cased the same way. Every other case-insensitive comparison folds
 * ASCII letters only, non-ASCII characters must be equal: values without such letters, keywords
 * (searched over all columns, where KQL cannot lower-case) and field references (two columns
 * compared).
 */
public final class CaseFolding {
  private CaseFolding() {}

  /**
   * Whether a case-insensitive comparison with this rule value is made on lower-cased text: the
   * value holds a letter outside ASCII that has another case.
   */
  public static boolean lowersBeyondAscii(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp >= 128 && (Character.toLowerCase(cp) != cp || Character.toUpperCase(cp) != cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** The lower case of one code point (the simple, one-to-one mapping). */
  public static int toLower(int codePoint) {
    return Character.toLowerCase(codePoint);
  }

  /** The text lower-cased code point by code point, as {@code tolower()} does. */
  public static String toLower(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      b.appendCodePoint(Character.toLowerCase(cp));
      i += Character.charCount(cp);
    }
    return b.toString();
  }
}
