package org.sigmaworkbench.kql;

import java.math.BigDecimal;
import java.util.Locale;
import org.sigmaworkbench.rule.CaseFolding;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaString;

/**
 * One predicate on one value as KQL. String comparisons are case-insensitive unless the rule says
 * {@code cased}; a typed column is compared as text through {@code tostring}, numbers compare
 * numerically (through {@code tolong}/{@code todouble} on text).
 *
 * <p>No value: a string column holds the empty string where the event had no value, a dynamic
 * property or typed column is null (and {@code tostring} makes that the empty string). What holds
 * there is {@link Predicate#holdsOnNoValue()}. Where the KQL comparison as written would be true on
 * the empty string while the predicate is not ({@code contains ""}, a regex that matches the empty
 * string), it is guarded: {@code isnotempty(col) and ...} ({@link #guarded}); an empty text is
 * written {@code isnotempty(col)} ({@code Field: '*'}) or {@code isempty(col)} ({@code Field: ''}).
 * Comparisons already false on the empty string ({@code contains "abc"}, {@code == "x"}, numbers,
 * addresses, times) get no guard.
 */
final class PredicateWriter {
  private PredicateWriter() {}

  /**
   * @param negated whether the predicate is inside a {@code not()}: a comparison that is null when
   *     the value does not convert (a number, an address, a time) is then made false with {@code
   *     coalesce}, since {@code not(null)} would drop the row while the rule means that such a
   *     value does not match, so its negation holds. Outside a negation null and false select the
   *     same rows. ({@code ==} against a constant is never null: KQL gives false.)
   */
  static String write(ColumnExpr c, Predicate p, boolean negated) {
    String text = comparison(c, p, negated);
    return guarded(p) ? present(c) + " and " + text : text;
  }

  /**
   * Whether {@link #write} puts {@code isnotempty(col) and} before the comparison: the comparison
   * as KQL reads it holds on the empty string, the predicate does not hold on no value.
   */
  static boolean guarded(Predicate p) {
    return !(p instanceof Predicate.StringMatch) && trueOnEmpty(p) && !p.holdsOnNoValue();
  }

  /** Whether the comparison {@link #write} writes for {@code p} holds on the empty string. */
  static boolean trueOnEmpty(Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      return s.text().isEmpty();
    }
    if (p instanceof Predicate.Wildcard w) {
      return findsInEmpty(w.pattern().toRegex(w.cased()));
    }
    if (p instanceof Predicate.Regex r) {
      return findsInEmpty(regex(r));
    }
    return p.holdsOnNoValue();
  }

  private static boolean findsInEmpty(String regex) {
    try {
      return com.google.re2j.Pattern.compile(regex).matcher("").find();
    } catch (com.google.re2j.PatternSyntaxException e) {
      return true; // a guard never changes what a valid comparison means
    }
  }

  private static String comparison(ColumnExpr c, Predicate p, boolean negated) {
    if (p instanceof Predicate.StringMatch s) {
      if (s.text().isEmpty()) {
        // Every value holds the empty text; equal to it is only no value.
        return s.op() == Predicate.StringOp.EQUALS ? absent(c) : present(c);
      }
      if (lowered(s)) {
        // KQL folds ASCII only; other cased letters are compared lower-cased (CaseFolding).
        return "tolower("
            + c.asString()
            + ") "
            + operator(s.op(), true)
            + " "
            + KqlStrings.quote(CaseFolding.toLower(s.text()));
      }
      return c.asString() + " " + operator(s.op(), s.cased()) + " " + KqlStrings.quote(s.text());
    }
    if (p instanceof Predicate.Wildcard w) {
      return c.asString() + " matches regex " + KqlStrings.quote(w.pattern().toRegex(w.cased()));
    }
    if (p instanceof Predicate.Regex r) {
      return c.asString() + " matches regex " + KqlStrings.quote(regex(r));
    }
    if (p instanceof Predicate.Cidr n) {
      return twoValued(cidr(c, n), negated);
    }
    if (p instanceof Predicate.Compare n) {
      String comparison =
          numeric(c, n.number()) + " " + operator(n.op()) + " " + number(n.number());
      return n.op() == Predicate.CompareOp.EQ ? comparison : twoValued(comparison, negated);
    }
    if (p instanceof Predicate.Exists e) {
      return e.present() ? present(c) : absent(c);
    }
    if (p instanceof Predicate.IsNull) {
      return absent(c);
    }
    if (p instanceof Predicate.DatePart d) {
      String comparison = datePart(c, d);
      return d.op() == Predicate.CompareOp.EQ ? comparison : twoValued(comparison, negated);
    }
    throw new IllegalArgumentException("a field reference is written by compareColumns: " + p);
  }

  /** Whether a string match is written on lower-cased text (see {@link CaseFolding}). */
  static boolean lowered(Predicate.StringMatch s) {
    return !s.cased() && CaseFolding.lowersBeyondAscii(s.text());
  }

  private static String twoValued(String comparison, boolean negated) {
    return negated ? "coalesce(" + comparison + ", false)" : comparison;
  }

  /** The KQL string operator for a Sigma comparison and case rule. */
  static String operator(Predicate.StringOp op, boolean cased) {
    return switch (op) {
      case EQUALS -> cased ? "==" : "=~";
      case CONTAINS -> cased ? "contains_cs" : "contains";
      case STARTSWITH -> cased ? "startswith_cs" : "startswith";
      case ENDSWITH -> cased ? "endswith_cs" : "endswith";
    };
  }

  /**
   * A {@code fieldref}: one value compared with another value of the same row, false when either
   * has no value. The guard is on the other value only: with it non-empty, a value equal to it,
   * containing it, starting or ending with it is non-empty too.
   */
  static String compareColumns(Cond.Columns f) {
    return present(f.right())
        + " and "
        + f.left().asString()
        + " "
        + operator(f.op(), f.cased())
        + " "
        + f.right().asString();
  }

  /**
   * A keyword: text found in some column of the row that has a value. A keyword every non-empty
   * text matches ({@code '*'}) is a column with at least one character.
   */
  static String keyword(Predicate p) {
    if (matchesEveryText(p)) {
      return "* matches regex \"(?s).\"";
    }
    if (p instanceof Predicate.StringMatch s && s.op() == Predicate.StringOp.CONTAINS) {
      return "* " + (s.cased() ? "contains_cs " : "contains ") + KqlStrings.quote(s.text());
    }
    if (p instanceof Predicate.Wildcard w) {
      // A keyword's pattern starts and ends with *, so the anchored regex still finds it inside.
      return "* matches regex " + KqlStrings.quote(w.pattern().toRegex(w.cased()));
    }
    if (p instanceof Predicate.Regex r) {
      return "* matches regex " + KqlStrings.quote(regex(r));
    }
    throw new IllegalArgumentException("no keyword form for " + p);
  }

  /**
   * Whether {@link #keyword} can write a predicate: {@code * contains} and {@code * matches regex}
   * search empty columns too, so a keyword the empty text matches can only be written when it
   * matches every text.
   */
  static boolean isKeywordForm(Predicate p) {
    boolean form =
        (p instanceof Predicate.StringMatch s && s.op() == Predicate.StringOp.CONTAINS)
            || p instanceof Predicate.Wildcard
            || p instanceof Predicate.Regex;
    return form && (!trueOnEmpty(p) || matchesEveryText(p));
  }

  /** Whether every text matches: an empty text contained, or a pattern of {@code *} only. */
  private static boolean matchesEveryText(Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      return s.op() == Predicate.StringOp.CONTAINS && s.text().isEmpty();
    }
    return p instanceof Predicate.Wildcard w
        && w.pattern().tokens().stream()
            .allMatch(
                t ->
                    t instanceof SigmaString.AnyString
                        || (t instanceof SigmaString.Literal l && l.text().isEmpty()));
  }

  static String regex(Predicate.Regex r) {
    StringBuilder flags = new StringBuilder();
    if (r.ignoreCase()) {
      flags.append('i');
    }
    if (r.multiline()) {
      flags.append('m');
    }
    if (r.dotAll()) {
      flags.append('s');
    }
    return flags.length() == 0 ? r.pattern() : "(?" + flags + ")" + r.pattern();
  }

  /** The value as a number: a numeric column as it is, text through {@code tolong/todouble}. */
  static String numeric(ColumnExpr c, BigDecimal number) {
    if (c.isNumeric()) {
      return c.text();
    }
    String conversion = number.stripTrailingZeros().scale() <= 0 ? "tolong" : "todouble";
    return conversion + "(" + c.text() + ")";
  }

  static String number(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
  }

  static String present(ColumnExpr c) {
    return c.isString() || c.type().equals("dynamic")
        ? "isnotempty(" + c.asString() + ")"
        : "isnotnull(" + c.text() + ")";
  }

  private static String absent(ColumnExpr c) {
    return c.isString() || c.type().equals("dynamic")
        ? "isempty(" + c.asString() + ")"
        : "isnull(" + c.text() + ")";
  }

  private static String cidr(ColumnExpr c, Predicate.Cidr n) {
    String value = c.asString();
    if (!n.isIpv6()) {
      return "ipv4_is_in_range(" + value + ", " + KqlStrings.quote(n.canonical()) + ")";
    }
    String network = ipv6(n.network()) + "/" + n.prefixBits();
    String test = "ipv6_is_in_range(" + value + ", " + KqlStrings.quote(network) + ")";
    // ipv6_is_in_range also accepts IPv4 text (as ::ffff:a.b.c.d); a Sigma IPv6 network never
    // holds an IPv4 value, so when the network covers that space the value must be IPv6 text.
    return coversMappedIpv4(n) ? "(" + test + " and " + value + " contains \":\")" : test;
  }

  /** An IPv6 address in its short form (RFC 5952): the longest run of zero groups as {@code ::}. */
  static String ipv6(byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLength - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(groups[i]));
    }
    return b.toString();
  }

  /** Whether an IPv6 network includes the IPv4-mapped addresses {@code ::ffff:0:0/96}. */
  static boolean coversMappedIpv4(Predicate.Cidr n) {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    byte[] net = n.network();
    for (int bit = 0; bit < Math.min(n.prefixBits(), 96); bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((net[bit / 8] & mask) != (mapped[bit / 8] & mask)) {
        return false;
      }
    }
    return n.prefixBits() <= 96;
  }

  private static String datePart(ColumnExpr c, Predicate.DatePart d) {
    String value = c.type().equals("datetime") ? c.text() : "todatetime(" + c.text() + ")";
    String part =
        switch (d.unit()) {
          case WEEK -> "week_of_year(" + value + ")";
          default ->
              "datetime_part("
                  + KqlStrings.quote(d.unit().name().toLowerCase(Locale.ROOT))
                  + ", "
                  + value
                  + ")";
        };
    return part + " " + operator(d.op()) + " " + d.number();
  }

  /** KQL's spelling of a numeric comparison. */
  static String operator(Predicate.CompareOp op) {
    return switch (op) {
      case EQ -> "==";
      case LT -> "<";
      case LTE -> "<=";
      case GT -> ">";
      case GTE -> ">=";
    };
  }
}
