package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.Predicate;

/**
 * A rule's condition over the columns of one table: the normalized rule after field mapping and
 * value rewrites, ready to be written as KQL.
 */
sealed interface Cond {

  /** All terms hold. */
  record All(List<Cond> terms) implements Cond {
    public All {
      terms = List.copyOf(terms);
    }
  }

  /** At least one term holds. */
  record Any(List<Cond> terms) implements Cond {
    public Any {
      terms = List.copyOf(terms);
    }
  }

  /** The term does not hold. */
  record Negation(Cond term) implements Cond {}

  /** Always or never. */
  record Constant(boolean value) implements Cond {}

  /** One value of the row compared by one predicate. */
  record Test(ColumnExpr column, Predicate predicate) implements Cond {}

  /** Some column of the row matches (a keyword). */
  record Keyword(Predicate predicate) implements Cond {}

  /** One value of the row compared with another ({@code fieldref}). */
  record Columns(ColumnExpr left, ColumnExpr right, Predicate.StringOp op, boolean cased)
      implements Cond {}

  /** All of the terms, with constants folded and nested conjunctions flattened. */
  static Cond all(List<Cond> terms) {
    List<Cond> out = new ArrayList<>();
    for (Cond t : terms) {
      if (t instanceof Constant c) {
        if (!c.value()) {
          return c;
        }
      } else if (t instanceof All a) {
        out.addAll(a.terms());
      } else {
        out.add(t);
      }
    }
    return out.isEmpty() ? new Constant(true) : out.size() == 1 ? out.get(0) : new All(out);
  }

  /** Any of the terms, with constants folded and nested disjunctions flattened. */
  static Cond any(List<Cond> terms) {
    List<Cond> out = new ArrayList<>();
    for (Cond t : terms) {
      if (t instanceof Constant c) {
        if (c.value()) {
          return c;
        }
      } else if (t instanceof Any a) {
        out.addAll(a.terms());
      } else {
        out.add(t);
      }
    }
    return out.isEmpty() ? new Constant(false) : out.size() == 1 ? out.get(0) : new Any(out);
  }

  static Cond all(Cond... terms) {
    return all(List.of(terms));
  }

  static Cond any(Cond... terms) {
    return any(List.of(terms));
  }

  /** The negation, with constants folded. */
  static Cond not(Cond term) {
    if (term instanceof Constant c) {
      return new Constant(!c.value());
    }
    return new Negation(term);
  }

  /** A plain string comparison on a value. */
  static Cond test(ColumnExpr column, Predicate.StringOp op, String text, boolean cased) {
    return new Test(column, new Predicate.StringMatch(op, text, cased));
  }
}
