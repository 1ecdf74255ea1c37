package org.sigmaworkbench.rule.lint;

import org.sigmaworkbench.rule.RuleProblem;

/**
 * One lint check, for listing and switching off: its identifier (the {@link RuleProblem#code()} of
 * its warnings) and what it looks for.
 *
 * @param id a stable identifier such as {@code lint.title-length}
 * @param description one line saying what the check warns about
 */
public record LintCheck(String id, String description) {}
