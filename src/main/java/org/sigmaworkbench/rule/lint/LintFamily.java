package org.sigmaworkbench.rule.lint;

import java.util.List;

/** A family of related lint checks that look at one document in one pass. */
interface LintFamily {

  /** The checks this family can report, each with its id. */
  List<LintCheck> checks();

  /** Looks at the document of {@code ctx} and reports what it finds. */
  void check(LintContext ctx);
}
