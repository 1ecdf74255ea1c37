package org.sigmaworkbench.kql;

import java.util.Collection;
import org.sigmaworkbench.rule.Predicate;

/**
 * Whether a condition can only hold for rows where one of some columns is non-empty. A table whose
 * logsource is a subset of its rows uses it to leave out a filter the condition already implies
 * (the {@code Command Line} of {@code SecurityEvent} is only filled for event 4688).
 */
final class ImpliedColumns {
  private ImpliedColumns() {}

  static boolean impliesNonEmpty(Cond c, Collection<String> columns) {
    if (columns.isEmpty()) {
      return false;
    }
    if (c instanceof Cond.Junction j && j.all()) {
      return j.terms().stream().anyMatch(t -> impliesNonEmpty(t, columns));
    }
    if (c instanceof Cond.Junction j) {
      return !j.terms().isEmpty() && j.terms().stream().allMatch(t -> impliesNonEmpty(t, columns));
    }
    if (c instanceof Cond.Constant k) {
      return !k.value();
    }
    if (c instanceof Cond.Test t) {
      return t.column().column() != null
          && columns.contains(t.column().column())
          && !matchesEmpty(t.predicate());
    }
    return false;
  }

  /**
   * Whether the predicate holds for a value that is empty or missing: {@link
   * Predicate#holdsOnNoValue()}, which the written KQL follows (see {@link PredicateWriter}).
   */
  static boolean matchesEmpty(Predicate p) {
    return p.holdsOnNoValue();
  }
}
