/**
 * The one way to run rules over logs: {@link org.sigmaworkbench.engine.run.RuleRun} runs a {@link
 * org.sigmaworkbench.engine.run.RunRequest} (rules, logs, {@link
 * org.sigmaworkbench.engine.run.RunOptions}, correlations, the reach of a target's queries) on an
 * executor the caller passes, telling a {@link org.sigmaworkbench.engine.run.RunListener} each
 * event, progress and log as they come, and gives a {@link
 * org.sigmaworkbench.engine.run.RunResult}. The command line's {@code test} (one rule or a hunt)
 * and the window's test pane both run through it.
 *
 * <p>May use {@code engine}, {@code rule} and {@code logs} (with {@code logs.detect} to open a
 * log); never {@code kql} (a target's reach is passed in as a function) nor the faces.
 */
package org.sigmaworkbench.engine.run;
