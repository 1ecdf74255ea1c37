/**
 * KQL from a normalized rule for a target (Sentinel ASIM, Defender XDR, Azure Monitor) of the
 * {@code mapping} package, which maps a logsource to a table and its rows and Sigma fields to
 * columns; the value rewrites here write a rule's values as a table holds them (registry hives,
 * hash lists, account names, file names). {@link org.sigmaworkbench.kql.KqlWriter} renders the
 * normalized predicates with the same meaning the matcher gives them, and correlation rules as
 * {@code summarize} over time bins.
 *
 * <p>May use {@code rule} and {@code mapping}; never JavaFX.
 */
package org.sigmaworkbench.kql;
