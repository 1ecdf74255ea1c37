package org.sigmaworkbench.rule.lint;

/**
 * A family of related lint checks that look at one document in one pass. The checks it reports are
 * listed, with what each looks for, in the catalogue {@code lint-checks.tsv} ({@link
 * Linter#checks()}).
 */
interface LintFamily {

  /** Looks at the document of {@code ctx} and reports what it finds. */
  void check(LintContext ctx);
}
