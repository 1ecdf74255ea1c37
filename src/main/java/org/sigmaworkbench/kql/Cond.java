package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.Predicate;

/**
 * A rule's condition over the columns of one table: the normalized rule after field mapping and
 * value rewrites, ready to be written as KQL.
 */
sealed interface Cond {

  /** All terms hold ({@code all}), or at least one does. */
  record Junction(boolean all, List<Cond> terms) implements Cond {
    public Junction {
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
    return junction(true, terms);
  }

  /** Any of the terms, with constants folded and nested disjunctions flattened. */
  static Cond any(List<Cond> terms) {
    return junction(false, terms);
  }

  /**
   * The terms joined by {@code and} ({@code all}) or {@code or}: a constant that decides the whole
   * is the whole, the other constant is dropped, and a nested junction of the same kind gives its
   * terms; no term left is the constant that leaves the whole undecided.
   */
  private static Cond junction(boolean all, List<Cond> terms) {
    List<Cond> out = new ArrayList<>();
    for (Cond t : terms) {
      if (t instanceof Constant c) {
        if (c.value() != all) {
          return c;
        }
      } else if (t instanceof Junction j && j.all() == all) {
        out.addAll(j.terms());
      } else {
        out.add(t);
      }
    }
    return out.isEmpty()
        ? new Constant(all)
        : out.size() == 1 ? out.get(0) : new Junction(all, out);
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
