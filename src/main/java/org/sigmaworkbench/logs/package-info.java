/**
 * Log readers: format detection from content, streaming readers for CSV exports, event XML and JSON
 * lines, and the field layouts ({@link org.sigmaworkbench.logs.FieldLayout}) that say which column
 * holds which Sigma field, taken from the KQL target tables.
 *
 * <p>May use {@code rule} and {@code kql} (targets as data); never JavaFX.
 */
package org.sigmaworkbench.logs;
