package org.sigmaworkbench.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A field value read as a point in time, as the KQL writer's {@code todatetime()} reads it: ISO
 * 8601 dates and times ({@code 2026-11-20}, {@code 2026-11-20T09:00:13.1Z}, {@code
 * 2026-11-20T09:00:13+02:00}) with a {@code T} or a blank between date and time; without an offset
 * the time is UTC. Other text is not a time.
 */
final class Timestamps {
  private Timestamps() {}

  /** The time in UTC, or {@code null}. */
  static OffsetDateTime parse(String s) {
    int n = s.length();
    if (n < 10 || n > 40 || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    String t = n > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    try {
      if (n == 10) {
        return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      if (hasOffset(t)) {
        return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean hasOffset(String t) {
    char last = t.charAt(t.length() - 1);
    if (last == 'Z' || last == 'z') {
      return true;
    }
    int time = t.indexOf('T');
    if (time < 0) {
      return false;
    }
    return t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0;
  }
}
