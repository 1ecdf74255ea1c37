package org.sigmaworkbench.kql;

import java.util.Locale;
import org.sigmaworkbench.rule.Predicate;

/**
 * A full path in the rule, a file name in the column (the part after the last backslash of a path
 * that has a folder, as process and file paths always do). Only comparisons that look at that last
 * part can be written; a folder in the value cannot be checked and fails the rule.
 */
final class FileNameRewrite {
  private FileNameRewrite() {}

  static Cond apply(ColumnExpr column, Predicate p, String field, Problems problems) {
    if (p instanceof Predicate.Exists || p instanceof Predicate.IsNull) {
      return new Cond.Test(column, p);
    }
    // The empty ending holds on any path with a value, also one whose file name is empty.
    if (p instanceof Predicate.StringMatch s
        && s.op() == Predicate.StringOp.ENDSWITH
        && !s.text().isEmpty()) {
      String v = s.text();
      int slash = v.lastIndexOf('\\');
      if (slash < 0) {
        // The end of a path without a backslash lies within its file name.
        return new Cond.Test(column, s);
      }
      if (slash == 0 && v.length() > 1) {
        return Cond.test(column, Predicate.StringOp.EQUALS, v.substring(1), s.cased());
      }
    }
    return problems.fieldError(
        field,
        "is a full path, but %s holds only the file name: %s cannot be checked there; only"
            + " '|endswith' with '\\name' or with a name part can",
        column.text(),
        describe(p));
  }

  static String describe(Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      return switch (s.op()) {
            case EQUALS -> "equals";
            case CONTAINS -> "contains";
            case STARTSWITH -> "startswith";
            case ENDSWITH -> "endswith";
          }
          + " '"
          + s.text()
          + "'";
    }
    if (p instanceof Predicate.Wildcard w) {
      return "the pattern '" + w.pattern().toSigma() + "'";
    }
    if (p instanceof Predicate.Regex r) {
      return "the regular expression '" + r.pattern() + "'";
    }
    return p.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
