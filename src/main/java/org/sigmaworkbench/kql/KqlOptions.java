package org.sigmaworkbench.kql;

/**
 * Choices for writing a query.
 *
 * @param keepUnmapped write a field the target does not map under its Sigma name instead of failing
 */
public record KqlOptions(boolean keepUnmapped) {
  public static final KqlOptions DEFAULT = new KqlOptions(false);
}
