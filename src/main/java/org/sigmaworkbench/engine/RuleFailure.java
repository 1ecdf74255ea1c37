package org.sigmaworkbench.engine;

/**
 * A rule that could not be used in a run: it did not compile, or it failed on an event and was left
 * out from then on. The other rules go on.
 *
 * @param source where the rule comes from (a file path, or its title)
 * @param message what went wrong
 */
public record RuleFailure(String source, String message) {}
