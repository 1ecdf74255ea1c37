/**
 * The Sigma rule model: YAML loading with line and column for every node, the condition grammar,
 * value modifiers, and the normalized detection ({@link org.sigmaworkbench.rule.Expr}) that both
 * the KQL writer and the matcher consume.
 *
 * <ul>
 *   <li>{@link org.sigmaworkbench.rule.yaml.RuleLoader} reads rule text into detection rules,
 *       correlation rules and filters, with errors as {@link org.sigmaworkbench.rule.RuleProblem}
 *       values at exact positions. Reading is safe: no YAML tag builds objects, aliases, nesting
 *       and size are bounded ({@link org.sigmaworkbench.rule.yaml.SigmaYaml}).
 *   <li>{@link org.sigmaworkbench.rule.lint.Linter} is the separate lint step: warnings whose code
 *       is the id of a check that {@link org.sigmaworkbench.rule.lint.LintSettings} can switch off;
 *       one family of checks per file ({@code MetadataLint}, {@code TagLint}, {@code
 *       DetectionLint}, ...).
 *   <li>{@link org.sigmaworkbench.rule.RuleCollection} holds the documents of several files for
 *       cross-file checks and reference resolution; {@link
 *       org.sigmaworkbench.rule.FilterApplication} adds filters to the rules they name.
 *   <li>{@link org.sigmaworkbench.rule.Placeholders} and {@link
 *       org.sigmaworkbench.rule.yaml.PlaceholderFile} hold the values of {@code %placeholders%}.
 * </ul>
 *
 * <p>Imports nothing of this project and nothing of JavaFX.
 */
package org.sigmaworkbench.rule;
