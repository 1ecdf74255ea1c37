/**
 * What the KQL writer and the log readers both read: the target tables ({@link
 * org.sigmaworkbench.mapping.Target}, data files {@code targets/*.yaml} read by {@link
 * org.sigmaworkbench.mapping.TargetCatalog}) with their field mappings and value rewrites, the
 * Sigma logsource of a Windows event ({@link org.sigmaworkbench.mapping.WindowsLogsources}, data
 * file {@code logsources.yaml}), and whether a written query can return an event ({@link
 * org.sigmaworkbench.mapping.Reach}).
 *
 * <p>May use {@code rule} and {@code yaml}; never {@code kql}, {@code logs}, the engine, the faces
 * or JavaFX.
 */
package org.sigmaworkbench.mapping;
