/**
 * The lint step, separate from loading: {@link org.sigmaworkbench.rule.lint.Linter} runs one family
 * of checks per class ({@code MetadataLint}, {@code TagLint}, {@code ConditionLint}, {@code
 * CorrelationLint}, ...) over loaded documents and gives warnings whose code is the id of a check
 * that {@link org.sigmaworkbench.rule.lint.LintSettings} can switch off.
 *
 * <p>May use the {@code rule} model and {@code rule.yaml}; nothing else of the project, never
 * JavaFX.
 */
package org.sigmaworkbench.rule.lint;
