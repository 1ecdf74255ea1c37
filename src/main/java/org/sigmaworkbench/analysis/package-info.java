/**
 * One rule's text analysed for a face: loaded, linted, converted to KQL for a target and compiled
 * for matching ({@link org.sigmaworkbench.analysis.RuleAnalysis}). The window shows it; it holds no
 * JavaFX.
 *
 * <p>May use {@code rule} (with {@code rule.yaml} and {@code rule.lint}), {@code kql} and {@code
 * engine}; never the faces.
 */
package org.sigmaworkbench.analysis;
