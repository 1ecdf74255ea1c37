package org.sigmaworkbench.engine;

import java.util.List;
import org.sigmaworkbench.logs.TextFilter;

/** The filter a run hands the readers, for the readers' own tests. */
public final class ReaderFilters {
  private ReaderFilters() {}

  /**
   * The filter of rules that need one of {@code literals} (compared as the rules compare), folded
   * as the rules' prefilter folds them.
   */
  public static TextFilter needing(List<String> literals) {
    return new NeedsFilter(literals.stream().map(ReaderFilters::fold).toList());
  }

  /** A literal folded as the filter folds it (ASCII letters in lower case, and their kin). */
  public static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = LiteralScanner.fold(c[i]);
    }
    return new String(c);
  }
}
