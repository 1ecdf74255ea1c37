package org.sigmaworkbench.kql;

import org.sigmaworkbench.rule.Predicate;

/**
 * A Windows account written {@code DOMAIN\name} in the rule, kept as a domain column and a name
 * column in the table. Common comparisons are split over the two columns; any other is compared
 * with the two columns joined back into {@code DOMAIN\name}. A value without a backslash compared
 * for equality names the account alone (as Linux and macOS rules write users), so it is compared
 * with the name column whatever domain the table records.
 */
final class DomainUserRewrite {
  private DomainUserRewrite() {}

  static Cond apply(ColumnExpr domain, ColumnExpr name, Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      Cond split = split(domain, name, s);
      if (split != null) {
        return split;
      }
    }
    return new Cond.Test(joined(domain, name), p);
  }

  /** {@code DOMAIN\name}, or the name alone when there is no domain. */
  static ColumnExpr joined(ColumnExpr domain, ColumnExpr name) {
    String d = domain.asString();
    String n = name.asString();
    return new ColumnExpr(
        "iff(isempty(" + d + "), " + n + ", strcat(" + d + ", \"\\\\\", " + n + "))",
        "string",
        null);
  }

  private static Cond split(ColumnExpr domain, ColumnExpr name, Predicate.StringMatch s) {
    String v = s.text();
    if (v.isEmpty()) {
      // Whether the account has a value depends on both columns: compare the joined value.
      return null;
    }
    boolean cased = s.cased();
    int first = v.indexOf('\\');
    int last = v.lastIndexOf('\\');
    if (first != last) {
      return null;
    }
    Cond domainPresent = new Cond.Test(domain, new Predicate.Exists(true));
    switch (s.op()) {
      case EQUALS -> {
        if (first < 0) {
          // An account without a domain (a Linux or macOS user, or a bare Windows account name)
          // is the account name, whatever domain the table records for it.
          return Cond.test(name, Predicate.StringOp.EQUALS, v, cased);
        }
        if (first == 0) {
          return null;
        }
        return Cond.all(
            Cond.test(domain, Predicate.StringOp.EQUALS, v.substring(0, first), cased),
            Cond.test(name, Predicate.StringOp.EQUALS, v.substring(first + 1), cased));
      }
      case ENDSWITH -> {
        if (first < 0) {
          return Cond.test(name, Predicate.StringOp.ENDSWITH, v, cased);
        }
        String d = v.substring(0, first);
        return Cond.all(
            d.isEmpty() ? domainPresent : Cond.test(domain, Predicate.StringOp.ENDSWITH, d, cased),
            Cond.test(name, Predicate.StringOp.EQUALS, v.substring(first + 1), cased));
      }
      case CONTAINS -> {
        if (first < 0) {
          return Cond.any(
              Cond.test(domain, Predicate.StringOp.CONTAINS, v, cased),
              Cond.test(name, Predicate.StringOp.CONTAINS, v, cased));
        }
        String d = v.substring(0, first);
        String n = v.substring(first + 1);
        // Any name starts with the empty text, an empty name too: the backslash is there.
        return Cond.all(
            d.isEmpty() ? domainPresent : Cond.test(domain, Predicate.StringOp.ENDSWITH, d, cased),
            n.isEmpty()
                ? new Cond.Constant(true)
                : Cond.test(name, Predicate.StringOp.STARTSWITH, n, cased));
      }
      default -> {
        return null;
      }
    }
  }
}
