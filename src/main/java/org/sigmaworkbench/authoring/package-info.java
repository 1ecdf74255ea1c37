/**
 * Writing rules with help, without JavaFX: quick fixes as text edits ({@link QuickFixes}),
 * completion from the YAML position ({@link CompletionEngine}), hover documentation ({@link
 * HoverDocs}), rule templates and snippets ({@link Templates}), a rule from an event ({@link
 * RuleFromEvent}) and tests kept with the rule in SigmaHQ's regression-data layout ({@link
 * RegressionData}, {@link RegressionRunner}).
 */
package org.sigmaworkbench.authoring;
