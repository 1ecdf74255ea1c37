package org.sigmaworkbench.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A field value read as a number the way the KQL writer's conversions read it: {@code tolong()} for
 * a whole rule number, {@code todouble()} for a fraction. A number is optional blanks, a sign,
 * decimal digits with an optional fraction and exponent, optional blanks ({@code 42}, {@code -4.5},
 * {@code 1e3}); hex, thousands separators, {@code NaN} and the like are not numbers. {@code tolong}
 * truncates a fraction toward zero (Microsoft documents {@code toint}/{@code tolong} as truncating)
 * and has no value outside the 64-bit range.
 */
final class KqlNumbers {
  private KqlNumbers() {}

  /** Longest text read as a number; longer values are not numbers. */
  private static final int MAX_LENGTH = 64;

  /** Largest exponent magnitude read; beyond it the text is not a number. */
  private static final int MAX_EXPONENT = 400;

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The exact decimal value of the text, or {@code null} when it is not a number. */
  static BigDecimal parse(String v) {
    int n = v.length();
    if (n == 0 || n > MAX_LENGTH) {
      return null;
    }
    int i = 0;
    while (i < n && isBlank(v.charAt(i))) {
      i++;
    }
    int end = n;
    while (end > i && isBlank(v.charAt(end - 1))) {
      end--;
    }
    int start = i;
    if (i < end && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < end && isDigit(v.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < end && v.charAt(i) == '.') {
      i++;
      while (i < end && isDigit(v.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return null;
    }
    if (i < end && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
      i++;
      if (i < end && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      int exp = 0;
      while (i < end && isDigit(v.charAt(i))) {
        exp = Math.min(exp * 10 + (v.charAt(i) - '0'), 100_000);
        i++;
        expDigits++;
      }
      if (expDigits == 0 || exp > MAX_EXPONENT) {
        return null;
      }
    }
    if (i != end) {
      return null;
    }
    return new BigDecimal(v.substring(start, end));
  }

  /** {@code tolong(value)}: the number truncated toward zero, or {@code null}. */
  static BigDecimal toLong(String v) {
    BigDecimal d = parse(v);
    if (d == null) {
      return null;
    }
    BigDecimal t = d.setScale(0, RoundingMode.DOWN);
    return t.compareTo(LONG_MIN) < 0 || t.compareTo(LONG_MAX) > 0 ? null : t;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
