/**
 * Log readers: format detection from content ({@link
 * org.sigmaworkbench.logs.detect.LogReaders#detectKind}, {@link org.sigmaworkbench.logs.LogKind}),
 * streaming readers for event XML, JSON (evtx_dump, Chainsaw, Hayabusa, Winlogbeat ECS, EvtxECmd,
 * flat) and delimited exports (Sigma names, Sentinel / Log Analytics / Defender tables, EvtxECmd,
 * Event Viewer, Get-WinEvent, Hayabusa, Chainsaw), the user's choice of format and column mapping
 * ({@link org.sigmaworkbench.logs.ReadOptions}), and the field layouts ({@link
 * org.sigmaworkbench.logs.FieldLayout}) that say which column holds which Sigma field and which
 * Sigma logsource the events belong to. Tables, logsources, message labels and the tools' field
 * names are data files next to the classes.
 *
 * <p>May use {@code rule} and {@code kql} (targets as data); never JavaFX.
 */
package org.sigmaworkbench.logs;
