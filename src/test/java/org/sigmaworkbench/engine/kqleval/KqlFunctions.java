package org.sigmaworkbench.engine.kqleval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KQL's scalar functions and string comparisons, written from Microsoft's documentation: string
 * operators without {@code _cs} fold ASCII letters only ("case-insensitive operators are currently
 * supported only for ASCII text"), {@code tolower} lower-cases every letter, conversions give null
 * when they fail, {@code toint}/{@code tolong} truncate a fraction, {@code tostring(null)} is the
 * empty string. Where the documentation leaves a detail open (which blanks a number may carry,
 * which time formats {@code todatetime} reads) this class states the reading the project chose.
 */
final class KqlFunctions {
  private KqlFunctions() {}

  // --- strings

  static String toStringValue(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof OffsetDateTime t) {
      return t.toString();
    }
    if (v instanceof java.util.Map<?, ?> bag) {
      // A property bag as JSON text, as tostring() writes one.
      StringBuilder b = new StringBuilder("{");
      bag.forEach(
          (k, x) -> {
            if (b.length() > 1) {
              b.append(',');
            }
            b.append(json(k.toString())).append(':').append(json(toStringValue(x)));
          });
      return b.append('}').toString();
    }
    return v.toString();
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String toLower(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
    return b.toString();
  }

  /** Equality of two characters under KQL's case-insensitive operators: ASCII letters folded. */
  static boolean foldedCharEquals(char a, char b) {
    if (a == b) {
      return true;
    }
    boolean asciiLetters = isAsciiLetter(a) && isAsciiLetter(b);
    return asciiLetters && Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean equalsFolded(String a, String b) {
    return a.length() == b.length() && regionFolded(a, 0, b);
  }

  static boolean regionFolded(String s, int from, String p) {
    if (from < 0 || from + p.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (!foldedCharEquals(s.charAt(from + i), p.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean stringOperator(String op, String lhs, String rhs) {
    return switch (op) {
      case "contains_cs" -> lhs.contains(rhs);
      case "startswith_cs" -> lhs.startsWith(rhs);
      case "endswith_cs" -> lhs.endsWith(rhs);
      case "contains" -> {
        for (int i = 0; i + rhs.length() <= lhs.length(); i++) {
          if (regionFolded(lhs, i, rhs)) {
            yield true;
          }
        }
        yield false;
      }
      case "startswith" -> regionFolded(lhs, 0, rhs);
      case "endswith" -> regionFolded(lhs, lhs.length() - rhs.length(), rhs);
      default -> throw new UnsupportedOperationException(op + " is outside the evaluated subset");
    };
  }

  // --- numbers

  private static final Pattern NUMBER =
      Pattern.compile(
          "[ \\t\\r\\n]*([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?)[ \\t\\r\\n]*");

  private static BigDecimal decimal(String s) {
    if (s.length() > 64) {
      return null;
    }
    Matcher m = NUMBER.matcher(s);
    if (!m.matches()) {
      return null;
    }
    BigDecimal d = new BigDecimal(m.group(1));
    return d.scale() < -400 ? null : d;
  }

  static Long toLong(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : (long) d.doubleValue();
    }
    BigDecimal d = decimal(toStringValue(v));
    if (d == null) {
      return null;
    }
    try {
      return d.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  static Double toDouble(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    if (v instanceof Double d) {
      return d;
    }
    BigDecimal d = decimal(toStringValue(v));
    return d == null ? null : d.doubleValue();
  }

  // --- times

  private static final Pattern OFFSET = Pattern.compile(".*T.*([Zz]|[+-]\\d\\d(:?\\d\\d)?)$");

  static OffsetDateTime toDatetime(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof OffsetDateTime t) {
      return t;
    }
    String s = toStringValue(v);
    if (s.length() < 10 || s.length() > 40 || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + "T" + s.substring(11);
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      if (OFFSET.matcher(s).matches()) {
        return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Long datetimePart(String part, OffsetDateTime t) {
    if (t == null) {
      return null;
    }
    return switch (part.toLowerCase(java.util.Locale.ROOT)) {
      case "year" -> (long) t.getYear();
      case "month" -> (long) t.getMonthValue();
      case "day" -> (long) t.getDayOfMonth();
      case "hour" -> (long) t.getHour();
      case "minute" -> (long) t.getMinute();
      case "second" -> (long) t.getSecond();
      case "week_of_year" -> weekOfYear(t);
      default -> throw new UnsupportedOperationException("datetime_part " + part);
    };
  }

  /** ISO 8601 week number: week 1 holds the year's first Thursday. */
  static Long weekOfYear(OffsetDateTime t) {
    return t == null ? null : (long) t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  // --- addresses

  private static final Pattern V4 =
      Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

  static byte[] ipv4(String s) {
    Matcher m = V4.matcher(s);
    if (!m.matches()) {
      return null;
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      int n = Integer.parseInt(m.group(i + 1));
      if (n > 255) {
        return null;
      }
      b[i] = (byte) n;
    }
    return b;
  }

  static byte[] ipv6(String s) {
    if (s.indexOf(':') < 0 || !s.matches("[0-9A-Fa-f:.]+") || s.length() > 45) {
      return null;
    }
    // RFC 4291 text: groups of one to four hex digits.
    for (String group : s.split(":", -1)) {
      if (group.length() > 4 && group.indexOf('.') < 0) {
        return null;
      }
    }
    int dot = s.indexOf('.');
    if (dot >= 0) {
      // The IPv4 tail must be a dotted quad after the last colon.
      int colon = s.lastIndexOf(':');
      if (dot < colon || ipv4(s.substring(colon + 1)) == null) {
        return null;
      }
    }
    try {
      InetAddress a = InetAddress.getByName(s);
      byte[] b = a.getAddress();
      if (a instanceof Inet4Address) {
        // Java turns ::ffff:a.b.c.d into an IPv4 address; KQL keeps the IPv6 form.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(b, 0, mapped, 12, 4);
        return mapped;
      }
      return b;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** {@code ipv4_is_in_range} / {@code ipv6_is_in_range}: null when a conversion fails. */
  static Boolean inRange(String address, String range, boolean v6) {
    int slash = range.indexOf('/');
    String base = slash < 0 ? range : range.substring(0, slash);
    byte[] net = v6 ? ipv6(base) : ipv4(base);
    byte[] addr = v6 ? ipv6(address) : ipv4(address);
    if (net == null || addr == null) {
      return null;
    }
    int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(range.substring(slash + 1));
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((addr[bit / 8] & mask) != (net[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
