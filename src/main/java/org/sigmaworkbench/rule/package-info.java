/**
 * The Sigma rule model: YAML loading with line and column for every node, the condition grammar,
 * value modifiers, validation and lint, and the normalized detection ({@link
 * org.sigmaworkbench.rule.Expr}) that both the KQL writer and the matcher consume.
 *
 * <p>Imports nothing of this project and nothing of JavaFX.
 */
package org.sigmaworkbench.rule;
