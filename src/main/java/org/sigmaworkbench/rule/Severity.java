package org.sigmaworkbench.rule;

/**
 * How bad a {@link RuleProblem} is: an error stops the rule from being used, a warning does not.
 */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
