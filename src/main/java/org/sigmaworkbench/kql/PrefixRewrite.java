package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.mapping.FieldMapping;
import org.sigmaworkbench.rule.Predicate;

/**
 * Values whose leading part the table writes differently (registry hives: Sysmon's {@code HKLM\} is
 * {@code HKEY_LOCAL_MACHINE\} in ASIM and Defender). A plain comparison is rewritten on the value
 * when that is provably exact; anything else is compared with the column turned back into the Sigma
 * spelling, which is always exact.
 */
final class PrefixRewrite {
  private PrefixRewrite() {}

  static Cond apply(ColumnExpr column, List<FieldMapping.Prefix> prefixes, Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      Cond rewritten = forward(column, prefixes, s);
      if (rewritten != null) {
        return rewritten;
      }
    }
    if (p instanceof Predicate.Exists
        || p instanceof Predicate.IsNull
        || p instanceof Predicate.Compare
        || p instanceof Predicate.Cidr
        || p instanceof Predicate.DatePart) {
      // Emptiness, numbers, addresses and times are the same whichever way a prefix is spelled.
      return new Cond.Test(column, p);
    }
    return new Cond.Test(backToSigma(column, prefixes), p);
  }

  /** The column with each target prefix replaced by its Sigma spelling. */
  static ColumnExpr backToSigma(ColumnExpr column, List<FieldMapping.Prefix> prefixes) {
    String c = column.asString();
    StringBuilder b = new StringBuilder("case(");
    for (FieldMapping.Prefix prefix : prefixes) {
      for (String t : prefix.target()) {
        b.append(c)
            .append(" startswith ")
            .append(KqlStrings.quote(t))
            .append(", strcat(")
            .append(KqlStrings.quote(prefix.sigma()))
            .append(", substring(")
            .append(c)
            .append(", ")
            .append(t.length())
            .append(")), ");
      }
    }
    b.append(c).append(')');
    return new ColumnExpr(b.toString(), "string", null);
  }

  /** The comparison rewritten on the value, or {@code null} when that would not be exact. */
  private static Cond forward(
      ColumnExpr column, List<FieldMapping.Prefix> prefixes, Predicate.StringMatch s) {
    String v = s.text();
    boolean cased = s.cased();
    boolean anchored =
        s.op() == Predicate.StringOp.EQUALS || s.op() == Predicate.StringOp.STARTSWITH;
    FieldMapping.Prefix leading = null;
    for (FieldMapping.Prefix prefix : prefixes) {
      if (startsWith(v, prefix.sigma(), cased)
          && (leading == null || prefix.sigma().length() > leading.sigma().length())) {
        leading = prefix;
      }
    }
    for (FieldMapping.Prefix prefix : prefixes) {
      int shared = sharedSuffix(prefix);
      if (touches(v, prefix.sigma(), shared, anchored, prefix == leading, cased)) {
        return null;
      }
      for (String t : prefix.target()) {
        if (touches(v, t, shared, anchored, false, cased)) {
          return null;
        }
      }
    }
    if (leading == null) {
      return new Cond.Test(column, s);
    }
    String rest = v.substring(leading.sigma().length());
    List<Cond> alternatives = new ArrayList<>();
    if (!anchored) {
      // Found after the start, where nothing is rewritten.
      alternatives.add(new Cond.Test(column, s));
    }
    Predicate.StringOp atStart =
        s.op() == Predicate.StringOp.EQUALS || s.op() == Predicate.StringOp.ENDSWITH
            ? Predicate.StringOp.EQUALS
            : Predicate.StringOp.STARTSWITH;
    for (String t : leading.target()) {
      alternatives.add(Cond.test(column, atStart, t + rest, cased));
    }
    return Cond.any(alternatives);
  }

  /**
   * Whether the value, compared at the start ({@code anchored}) or anywhere, could cover a part of
   * this spelling of a prefix that is not shared by all spellings; a value that starts with the
   * whole prefix is allowed when {@code leading}.
   */
  private static boolean touches(
      String v, String spelling, int shared, boolean anchored, boolean leading, boolean cased) {
    int limit = anchored ? 1 : spelling.length() - shared;
    for (int k = 0; k < limit; k++) {
      if (k == 0 && leading) {
        continue;
      }
      String tail = spelling.substring(k);
      if (startsWith(tail, v, cased) || startsWith(v, tail, cased)) {
        return true;
      }
    }
    return false;
  }

  /** Length of the ending every spelling of the prefix shares (the backslash of a hive). */
  private static int sharedSuffix(FieldMapping.Prefix prefix) {
    String p = prefix.sigma();
    int n = p.length();
    for (String t : prefix.target()) {
      int k = 0;
      while (k < n
          && k < t.length()
          && Character.toLowerCase(p.charAt(p.length() - 1 - k))
              == Character.toLowerCase(t.charAt(t.length() - 1 - k))) {
        k++;
      }
      n = Math.min(n, k);
    }
    return n;
  }

  private static boolean startsWith(String s, String prefix, boolean cased) {
    return s.regionMatches(!cased, 0, prefix, 0, prefix.length());
  }
}
