package org.sigmaworkbench.export;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the command line, ARM and the Sentinel content YAML write them: {@code 5m}, {@code
 * 1h}, {@code 2d} or ISO-8601 {@code PT5M}, {@code P1D}.
 */
public final class Durations {
  private Durations() {}

  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");
  private static final Pattern ISO =
      Pattern.compile("P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?");

  /**
   * Parses {@code 5m}, {@code 1h}, {@code 2d}, {@code 30s} or an ISO-8601 duration of days, hours,
   * minutes and seconds.
   *
   * @throws IllegalArgumentException with a message naming the text when it is neither
   */
  public static Duration parse(String text) {
    String t = text.trim();
    Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    if (isIso(t)) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration (5m, 1h, 2d, or ISO-8601 such as PT5M, P1D)");
  }

  /** Whether a text is an ISO-8601 duration of days, hours, minutes and seconds. */
  public static boolean isIso(String text) {
    Matcher m = ISO.matcher(text.toUpperCase(Locale.ROOT));
    return m.matches()
        && !text.equalsIgnoreCase("P")
        && !text.toUpperCase(Locale.ROOT).endsWith("T");
  }

  /** ISO-8601 as ARM writes it: {@code P1D}, {@code PT5H}, {@code PT1H30M}. */
  public static String iso(Duration d) {
    long seconds = d.getSeconds();
    if (seconds > 0 && seconds % 86400 == 0) {
      return "P" + seconds / 86400 + "D";
    }
    StringBuilder b = new StringBuilder("PT");
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    if (h > 0) {
      b.append(h).append('H');
    }
    if (m > 0) {
      b.append(m).append('M');
    }
    if (s > 0 || seconds == 0) {
      b.append(s).append('S');
    }
    return b.toString();
  }

  /** The content YAML's form: {@code 5m}, {@code 1h}, {@code 1d}; seconds as {@code 90s}. */
  public static String shortForm(Duration d) {
    long seconds = d.getSeconds();
    if (seconds > 0 && seconds % 86400 == 0) {
      return seconds / 86400 + "d";
    }
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** For messages: {@code 5 minutes}, {@code 14 days}. */
  public static String describe(Duration d) {
    long seconds = d.getSeconds();
    if (seconds > 0 && seconds % 86400 == 0) {
      return plural(seconds / 86400, "day");
    }
    if (seconds > 0 && seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
