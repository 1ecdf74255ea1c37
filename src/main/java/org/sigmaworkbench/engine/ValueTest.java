package org.sigmaworkbench.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import org.sigmaworkbench.rule.Predicate;

/**
 * One predicate compiled for fast testing of a single value. A missing value is tested as the empty
 * string, as KQL sees a column the event does not fill.
 */
abstract class ValueTest {

  /** Whether the value matches; {@code value} is never {@code null} here. */
  abstract boolean test(String value);

  /** Start and end of the matched part of a matching value, for highlighting. */
  long span(String value) {
    return pack(0, value.length());
  }

  static long pack(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  static ValueTest of(Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      return s.cased() ? new Cased(s.op(), s.text()) : new IgnoreCase(s.op(), s.text());
    }
    if (p instanceof Predicate.Wildcard w) {
      return new Regex(Pattern.compile(w.pattern().toRegex(w.cased())));
    }
    if (p instanceof Predicate.Regex r) {
      int flags =
          (r.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0)
              | (r.multiline() ? Pattern.MULTILINE : 0)
              | (r.dotAll() ? Pattern.DOTALL : 0);
      return new Regex(Pattern.compile(r.pattern(), flags));
    }
    if (p instanceof Predicate.Cidr c) {
      return new Cidr(c);
    }
    if (p instanceof Predicate.Compare c) {
      return new Compare(c.op(), c.number());
    }
    if (p instanceof Predicate.Exists e) {
      return new Exists(e.present());
    }
    if (p instanceof Predicate.IsNull) {
      return new Exists(false);
    }
    if (p instanceof Predicate.DatePart d) {
      return new DatePart(d);
    }
    throw new IllegalArgumentException("no value test for " + p);
  }

  static final class IgnoreCase extends ValueTest {
    private final Predicate.StringOp op;
    private final Text.Folded p;

    IgnoreCase(Predicate.StringOp op, String text) {
      this.op = op;
      this.p = new Text.Folded(text);
    }

    @Override
    boolean test(String v) {
      return switch (op) {
        case EQUALS -> v.length() == p.length() && Text.regionMatches(v, 0, p);
        case CONTAINS -> Text.indexOfIgnoreCase(v, p) >= 0;
        case STARTSWITH -> Text.regionMatches(v, 0, p);
        case ENDSWITH -> Text.regionMatches(v, v.length() - p.length(), p);
      };
    }

    @Override
    long span(String v) {
      return switch (op) {
        case EQUALS -> pack(0, v.length());
        case CONTAINS -> {
          int i = Text.indexOfIgnoreCase(v, p);
          yield pack(i, i + p.length());
        }
        case STARTSWITH -> pack(0, p.length());
        case ENDSWITH -> pack(v.length() - p.length(), v.length());
      };
    }
  }

  static final class Cased extends ValueTest {
    private final Predicate.StringOp op;
    private final String p;

    Cased(Predicate.StringOp op, String text) {
      this.op = op;
      this.p = text;
    }

    @Override
    boolean test(String v) {
      return switch (op) {
        case EQUALS -> v.equals(p);
        case CONTAINS -> v.contains(p);
        case STARTSWITH -> v.startsWith(p);
        case ENDSWITH -> v.endsWith(p);
      };
    }

    @Override
    long span(String v) {
      return switch (op) {
        case EQUALS -> pack(0, v.length());
        case CONTAINS -> {
          int i = v.indexOf(p);
          yield pack(i, i + p.length());
        }
        case STARTSWITH -> pack(0, p.length());
        case ENDSWITH -> pack(v.length() - p.length(), v.length());
      };
    }
  }

  static final class Regex extends ValueTest {
    private final Pattern pattern;

    Regex(Pattern pattern) {
      this.pattern = pattern;
    }

    @Override
    boolean test(String v) {
      return pattern.matcher(v).find();
    }

    @Override
    long span(String v) {
      Matcher m = pattern.matcher(v);
      return m.find() ? pack(m.start(), m.end()) : pack(0, 0);
    }
  }

  static final class Cidr extends ValueTest {
    private final byte[] network;
    private final int prefix;

    Cidr(Predicate.Cidr c) {
      this.network = c.network();
      this.prefix = c.prefixBits();
    }

    @Override
    boolean test(String v) {
      byte[] addr = parseIp(v.strip());
      if (addr == null || addr.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((addr[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    /** An IP address literal as bytes, or {@code null}; never a name lookup. */
    static byte[] parseIp(String s) {
      if (s.isEmpty() || s.length() > 45) {
        return null;
      }
      boolean v6 = s.indexOf(':') >= 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean ok =
            (c >= '0' && c <= '9')
                || c == '.'
                || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        if (!ok) {
          return null;
        }
      }
      if (!v6) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
          return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
          if (parts[i].isEmpty() || parts[i].length() > 3) {
            return null;
          }
          int n = Integer.parseInt(parts[i]);
          if (n > 255) {
            return null;
          }
          out[i] = (byte) n;
        }
        return out;
      }
      try {
        byte[] b = InetAddress.getByName(s).getAddress();
        return b.length == 16 ? b : null;
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }

  static final class Compare extends ValueTest {
    private final Predicate.CompareOp op;
    private final BigDecimal number;

    Compare(Predicate.CompareOp op, BigDecimal number) {
      this.op = op;
      this.number = number;
    }

    @Override
    boolean test(String v) {
      BigDecimal n = parseNumber(v);
      return n != null && op.test(n.compareTo(number));
    }

    static BigDecimal parseNumber(String v) {
      String s = v.strip();
      if (s.isEmpty() || s.length() > 64) {
        return null;
      }
      char c0 = s.charAt(0);
      if (!(c0 == '-' || c0 == '+' || c0 == '.' || (c0 >= '0' && c0 <= '9'))) {
        return null;
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  static final class Exists extends ValueTest {
    private final boolean present;

    Exists(boolean present) {
      this.present = present;
    }

    @Override
    boolean test(String v) {
      return present != v.isEmpty();
    }
  }

  static final class DatePart extends ValueTest {
    private final Predicate.DatePart part;

    DatePart(Predicate.DatePart part) {
      this.part = part;
    }

    @Override
    boolean test(String v) {
      OffsetDateTime t = parseTime(v.strip());
      if (t == null) {
        return false;
      }
      int n =
          switch (part.unit()) {
            case MINUTE -> t.getMinute();
            case HOUR -> t.getHour();
            case DAY -> t.getDayOfMonth();
            case WEEK -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> t.getMonthValue();
            case YEAR -> t.getYear();
          };
      return part.op().test(Integer.compare(n, part.number()));
    }

    /**
     * A timestamp in ISO 8601 or {@code yyyy-MM-dd HH:mm:ss[.f]} form, taken as UTC without zone.
     */
    static OffsetDateTime parseTime(String s) {
      if (s.length() < 10) {
        return null;
      }
      String t = s.replace(' ', 'T');
      try {
        if (t.length() == 10) {
          return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
          return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC);
        }
        return java.time.LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
