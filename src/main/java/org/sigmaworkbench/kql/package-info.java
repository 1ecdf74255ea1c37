/**
 * KQL from a normalized rule: targets (Sentinel ASIM, Defender XDR, Azure Monitor) are data files
 * that map a logsource to a table and Sigma fields to columns; {@link
 * org.sigmaworkbench.kql.KqlWriter} renders the normalized predicates with the same meaning the
 * matcher gives them.
 *
 * <p>May use {@code rule}; never JavaFX.
 */
package org.sigmaworkbench.kql;
