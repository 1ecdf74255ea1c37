package org.sigmaworkbench.rule;

import java.util.List;

/** One YAML document of a rule file: a detection rule, a correlation rule or a filter. */
public sealed interface RuleDocument permits SigmaRule, CorrelationRule, FilterRule {
  RuleMeta meta();

  /** Problems found in this document (errors and warnings), in text order. */
  List<RuleProblem> problems();

  /** Where its parts are written ({@link SourceMap#EMPTY} for documents built in code). */
  SourceMap source();

  default boolean hasErrors() {
    return problems().stream().anyMatch(RuleProblem::isError);
  }
}
