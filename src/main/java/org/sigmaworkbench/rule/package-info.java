/**
 * The Sigma rule model: detection rules ({@link org.sigmaworkbench.rule.SigmaRule}), correlation
 * rules and filters ({@link org.sigmaworkbench.rule.RuleDocument}), metadata, positions and
 * problems ({@link org.sigmaworkbench.rule.RuleProblem}), and the normalized detection ({@link
 * org.sigmaworkbench.rule.Expr}, {@link org.sigmaworkbench.rule.Predicate}) that both the KQL
 * writer and the matcher consume, with the semantics they share ({@link
 * org.sigmaworkbench.rule.CaseFolding}, {@link org.sigmaworkbench.rule.LogonIds}, {@link
 * org.sigmaworkbench.rule.RegexCheck}). {@link org.sigmaworkbench.rule.RuleCollection} holds the
 * documents of several files for cross-file checks and reference resolution; {@link
 * org.sigmaworkbench.rule.FilterApplication} adds filters to the rules they name. Reading rule text
 * is {@code rule.yaml}; the lint step is {@code rule.lint}.
 *
 * <p>Imports nothing of this project (not even its own sub-packages) and nothing of JavaFX.
 */
package org.sigmaworkbench.rule;
