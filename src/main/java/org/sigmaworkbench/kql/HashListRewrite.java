package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.rule.Predicate;

/**
 * Sysmon's {@code Hashes} field ({@code SHA1=...,MD5=...,SHA256=...,IMPHASH=...}) against one
 * column per algorithm. {@code contains 'ALG=hex'} is that algorithm's hash starting with {@code
 * hex} (equal to it at full length); a bare hex string of five or more digits is found in one of
 * the hashes. Anything that depends on which algorithms Sysmon was set to log, or on their order,
 * cannot be rewritten and fails the rule.
 */
final class HashListRewrite {
  private HashListRewrite() {}

  private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9]*)=([0-9A-Fa-f]*)(,?)");
  private static final Pattern BARE = Pattern.compile("[0-9A-Fa-f]{5,}");

  /** Hex digits of a full hash per algorithm. */
  private static final Map<String, Integer> LENGTHS =
      Map.of("MD5", 32, "SHA1", 40, "SHA256", 64, "SHA384", 96, "SHA512", 128, "IMPHASH", 32);

  static Cond apply(
      Target.Table table,
      Map<String, String> columns,
      Predicate p,
      String field,
      Problems problems) {
    if (p instanceof Predicate.Exists || p instanceof Predicate.IsNull) {
      List<Cond> each = new ArrayList<>();
      for (String c : columns.values()) {
        each.add(new Cond.Test(ColumnExpr.of(table, c), p));
      }
      // The list is there when some algorithm's column has a value, and absent when none has.
      return p instanceof Predicate.Exists e && e.present() ? Cond.any(each) : Cond.all(each);
    }
    if (p instanceof Predicate.StringMatch s && s.op() == Predicate.StringOp.CONTAINS) {
      Matcher m = ENTRY.matcher(s.text());
      if (m.matches()) {
        String algorithm = m.group(1).toUpperCase(Locale.ROOT);
        String column = columns.get(algorithm);
        if (column == null) {
          return problems.fieldError(
              field,
              "value '%s' names %s, but %s keeps only %s hashes",
              s.text(),
              algorithm,
              table.name(),
              String.join(", ", new TreeSet<>(columns.keySet())));
        }
        ColumnExpr c = ColumnExpr.of(table, column);
        String hex = m.group(2);
        if (hex.isEmpty()) {
          return new Cond.Test(c, new Predicate.Exists(true));
        }
        boolean whole =
            !m.group(3).isEmpty() || hex.length() == LENGTHS.getOrDefault(algorithm, -1);
        return Cond.test(
            c, whole ? Predicate.StringOp.EQUALS : Predicate.StringOp.STARTSWITH, hex, s.cased());
      }
      if (BARE.matcher(s.text()).matches()) {
        List<Cond> any = new ArrayList<>();
        for (String c : columns.values()) {
          any.add(
              Cond.test(ColumnExpr.of(table, c), Predicate.StringOp.CONTAINS, s.text(), s.cased()));
        }
        return Cond.any(any);
      }
    }
    return problems.fieldError(
        field,
        "is a list of ALGORITHM=hash entries that %s keeps in one column per algorithm; %s"
            + " depends on which algorithms were logged and in what order, so it cannot be"
            + " rewritten; use '|contains' with one 'ALGORITHM=hash' entry",
        table.name(),
        FileNameRewrite.describe(p));
  }
}
