package org.sigmaworkbench.engine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.logs.Event;

/**
 * When an event happened, for correlations: the first of the usual time fields the event has
 * ({@code TimeCreated_SystemTime} of event XML and .evtx, {@code TimeCreated}, {@code @timestamp},
 * {@code Timestamp}, {@code TimeGenerated}, {@code UtcTime}, ...) read as a time. ISO 8601 with a
 * {@code T} or a blank between date and time, any number of fraction digits, {@code Z}, an offset
 * or none (then UTC); and the US form of portal and Event Viewer exports ({@code 11/20/2026,
 * 9:00:13.100 AM}), read as UTC. An event without such a field has no time.
 */
public final class EventTime {
  private EventTime() {}

  /** Fields tried, in order. */
  public static final List<String> FIELDS =
      List.of(
          "TimeCreated_SystemTime",
          "TimeCreated",
          "@timestamp",
          "Timestamp",
          "TimeGenerated",
          "UtcTime",
          "EventTime",
          "timestamp",
          "time",
          "Date and Time",
          "Date");

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,](\\d{1,9}))?)?"
              + "\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?");

  private static final Pattern US =
      Pattern.compile(
          "(\\d{1,2})/(\\d{1,2})/(\\d{4}),?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "\\s*([AaPp][Mm])?");

  /** The event's time, or {@code null} when it has none this reads. */
  public static Instant of(Event e) {
    for (String f : FIELDS) {
      String v = e.get(f);
      if (v != null && !v.isBlank()) {
        Instant t = parse(v);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** A text read as a time, or {@code null}. */
  public static Instant parse(String text) {
    String s = text.trim();
    if (s.length() > 48) {
      return null;
    }
    try {
      Matcher m = ISO.matcher(s);
      if (m.matches()) {
        LocalDate date = LocalDate.parse(m.group(1));
        LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
        time = time.withNano(nanos(m.group(3)));
        return LocalDateTime.of(date, time).atOffset(offset(m.group(4))).toInstant();
      }
      m = US.matcher(s);
      if (m.matches()) {
        int hour = Integer.parseInt(m.group(4));
        String ampm = m.group(8);
        if (ampm != null) {
          if (hour < 1 || hour > 12) {
            return null;
          }
          hour = hour % 12 + (ampm.equalsIgnoreCase("pm") ? 12 : 0);
        }
        LocalDateTime t =
            LocalDateTime.of(
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                hour,
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                nanos(m.group(7)));
        return t.toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    StringBuilder b = new StringBuilder(fraction);
    while (b.length() < 9) {
      b.append('0');
    }
    return Integer.parseInt(b.toString());
  }

  private static ZoneOffset offset(String o) {
    if (o == null || o.equalsIgnoreCase("z") || o.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    String digits = o.replace(":", "");
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    int h = Integer.parseInt(digits.substring(1, 3));
    int min = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
  }

  /** ISO 8601 in UTC with milliseconds only when there are any ({@code 2026-11-20T09:00:13Z}). */
  public static String format(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC).toInstant().toString();
  }
}
