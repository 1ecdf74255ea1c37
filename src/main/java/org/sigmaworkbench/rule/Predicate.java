package org.sigmaworkbench.rule;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The closed set of comparisons a normalized rule is made of. Each one says exactly what it
 * matches; string comparisons carry their case rule.
 *
 * <p><b>No value.</b> A field has <i>no value</i> when the event lacks it or holds the empty
 * string; the two are never told apart. A predicate is tested only on a value that is there and not
 * empty; on no value its outcome is {@link #holdsOnNoValue()}, decided here once for the matcher
 * and the KQL writer alike.
 */
public sealed interface Predicate {

  /**
   * Whether the predicate holds for a field that has no value (absent or empty). Only {@code Field:
   * null}, {@code Field: ''} and {@code Field|exists: false} do; every other predicate is false
   * there: wildcards ({@code '*'} too), {@code contains}/{@code startswith}/{@code endswith} of any
   * text (the empty text too), regular expressions (also one that matches the empty string),
   * networks, numbers, date parts, {@code exists: true} and field references (a field reference is
   * false when either field has no value). A {@code not} around such a predicate then holds: a
   * filter on a field the event lacks excludes nothing.
   */
  default boolean holdsOnNoValue() {
    if (this instanceof StringMatch s) {
      return s.op() == StringOp.EQUALS && s.text().isEmpty();
    }
    if (this instanceof Exists e) {
      return !e.present();
    }
    return this instanceof IsNull;
  }

  /** How a plain string is compared with a field value. */
  enum StringOp {
    EQUALS,
    CONTAINS,
    STARTSWITH,
    ENDSWITH
  }

  /** Numeric comparison operators (a query language spells them its own way). */
  enum CompareOp {
    EQ,
    LT,
    LTE,
    GT,
    GTE;

    public boolean test(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case LT -> comparison < 0;
        case LTE -> comparison <= 0;
        case GT -> comparison > 0;
        case GTE -> comparison >= 0;
      };
    }
  }

  /** Parts of a timestamp the time modifiers extract. */
  enum DateUnit {
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH,
    YEAR;

    public String sigmaName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A plain string (no wildcards) equal to, inside, at the start or at the end of the value. */
  record StringMatch(StringOp op, String text, boolean cased) implements Predicate {}

  /**
   * A pattern with wildcards that cannot be expressed as a {@link StringMatch}; matches whole
   * values.
   */
  record Wildcard(SigmaString pattern, boolean cased) implements Predicate {}

  /**
   * A regular expression (RE2 syntax) found anywhere in the value, as KQL's {@code matches regex}.
   */
  record Regex(String pattern, boolean ignoreCase, boolean multiline, boolean dotAll)
      implements Predicate {}

  /** The value is an IP address inside a network. */
  record Cidr(String text, byte[] network, int prefixBits) implements Predicate {

    /** Parses {@code 10.0.0.0/8}, {@code fe80::/10} or a bare address (a /32 or /128 network). */
    public static Cidr parse(String text) {
      String t = text.trim();
      int slash = t.indexOf('/');
      String addr = slash < 0 ? t : t.substring(0, slash);
      if (addr.isEmpty() || !addr.matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException("not an IP address: '" + addr + "'");
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(addr).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: '" + addr + "'");
      }
      if (addr.contains(":") && bytes.length == 4) {
        throw new IllegalArgumentException(
            "IPv4-mapped IPv6 networks are not supported: '" + addr + "'");
      }
      int max = bytes.length * 8;
      int prefix = max;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "not a prefix length: '" + t.substring(slash + 1) + "'");
        }
        if (prefix < 0 || prefix > max) {
          throw new IllegalArgumentException(
              "prefix length " + prefix + " is outside 0.." + max + " for '" + addr + "'");
        }
      }
      for (int bit = prefix; bit < max; bit++) {
        bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      return new Cidr(t, bytes, prefix);
    }

    public boolean isIpv6() {
      return network.length == 16;
    }

    /** The network written canonically, {@code 10.0.0.0/8}. */
    public String canonical() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cidr c && c.prefixBits == prefixBits && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(network) * 31 + prefixBits;
    }

    @Override
    public String toString() {
      return "Cidr[" + canonical() + "]";
    }
  }

  /**
   * The value read as a number compared with a number. {@code text} is the rule's spelling, used
   * where the value is compared as a string (a string column, a value that is not a number).
   */
  record Compare(CompareOp op, BigDecimal number, String text) implements Predicate {}

  /** The field has a value ({@code true}: present and not empty), or it has no value. */
  record Exists(boolean present) implements Predicate {}

  /** The field has no value: absent or empty (a Sigma {@code null} value, or {@code ''}). */
  record IsNull() implements Predicate {}

  /** The value compared with the value of another field of the same event. */
  record FieldRef(String otherField, StringOp op, boolean cased) implements Predicate {}

  /** A part of a timestamp value compared with a number. */
  record DatePart(DateUnit unit, CompareOp op, int number) implements Predicate {}

  /** Every kind, for tests that want to cover each. */
  List<Class<? extends Predicate>> KINDS =
      List.of(
          StringMatch.class,
          Wildcard.class,
          Regex.class,
          Cidr.class,
          Compare.class,
          Exists.class,
          IsNull.class,
          FieldRef.class,
          DatePart.class);
}
