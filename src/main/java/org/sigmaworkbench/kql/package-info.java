/**
 * KQL from a normalized rule: targets (Sentinel ASIM, Defender XDR, Azure Monitor) are data files
 * ({@code targets/*.yaml}, read by {@link org.sigmaworkbench.mapping.TargetCatalog}) that map a
 * logsource to a table and its rows, and Sigma fields to columns, with value rewrites where a table
 * writes values differently (registry hives, hash lists, account names, file names). {@link
 * org.sigmaworkbench.kql.KqlWriter} renders the normalized predicates with the same meaning the
 * matcher gives them, and correlation rules as {@code summarize} over time bins.
 *
 * <p>May use {@code rule}; never JavaFX.
 */
package org.sigmaworkbench.kql;
