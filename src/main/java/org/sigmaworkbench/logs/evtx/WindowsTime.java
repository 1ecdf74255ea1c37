package org.sigmaworkbench.logs.evtx;

/**
 * Timestamps as Windows renders them in event XML: UTC, ISO 8601 with a {@code T} and a {@code Z},
 * and seven fractional digits (the 100 ns resolution of a FILETIME), e.g. {@code
 * 2022-10-11T19:26:52.0456558Z}.
 */
final class WindowsTime {

  /** Days from 1601-01-01 (the FILETIME epoch) to 1970-01-01. */
  private static final long DAYS_1601_TO_1970 = 134_774L;

  private static final long TICKS_PER_SECOND = 10_000_000L;

  private WindowsTime() {}

  /** A FILETIME: 100 ns intervals since 1601-01-01 UTC, read as unsigned. */
  static String fileTime(long ticks) {
    long seconds = Long.divideUnsigned(ticks, TICKS_PER_SECOND);
    int fraction = (int) Long.remainderUnsigned(ticks, TICKS_PER_SECOND);
    long days = seconds / 86_400;
    int secondOfDay = (int) (seconds % 86_400);
    return format(days - DAYS_1601_TO_1970, secondOfDay, fraction);
  }

  /**
   * A SYSTEMTIME (year, month, day of week, day, hour, minute, second, milliseconds), with the
   * milliseconds as the first three of seven fractional digits.
   */
  static String systemTime(
      int year, int month, int day, int hour, int minute, int second, int millis) {
    char[] c = new char[32];
    int p = year(c, year);
    c[p++] = '-';
    p = two(c, p, month);
    c[p++] = '-';
    p = two(c, p, day);
    c[p++] = 'T';
    p = two(c, p, hour);
    c[p++] = ':';
    p = two(c, p, minute);
    c[p++] = ':';
    p = two(c, p, second);
    c[p++] = '.';
    p = digits(c, p, millis * 10_000, 7);
    c[p++] = 'Z';
    return new String(c, 0, p);
  }

  /** Formats a day count since 1970-01-01, a second of that day and 100 ns ticks. */
  static String format(long epochDay, int secondOfDay, int ticks) {
    // Civil date from a day count (proleptic Gregorian), after H. Hinnant's days_from_civil.
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);

    char[] c = new char[32];
    int p = year(c, (int) year);
    c[p++] = '-';
    p = two(c, p, month);
    c[p++] = '-';
    p = two(c, p, day);
    c[p++] = 'T';
    p = two(c, p, secondOfDay / 3600);
    c[p++] = ':';
    p = two(c, p, secondOfDay / 60 % 60);
    c[p++] = ':';
    p = two(c, p, secondOfDay % 60);
    c[p++] = '.';
    p = digits(c, p, ticks, 7);
    c[p++] = 'Z';
    return new String(c, 0, p);
  }

  private static int year(char[] c, int year) {
    if (year >= 0 && year <= 9999) {
      return digits(c, 0, year, 4);
    }
    String s = Integer.toString(year);
    s.getChars(0, s.length(), c, 0);
    return s.length();
  }

  private static int two(char[] c, int p, int v) {
    c[p] = (char) ('0' + v / 10 % 10);
    c[p + 1] = (char) ('0' + v % 10);
    return p + 2;
  }

  private static int digits(char[] c, int p, int v, int n) {
    for (int i = n - 1; i >= 0; i--) {
      c[p + i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return p + n;
  }
}
