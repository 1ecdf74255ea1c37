/**
 * The reader of delimited exports ({@link org.sigmaworkbench.logs.csv.CsvEventReader}): CSV and
 * tab-separated text with Sigma names, Sentinel / Log Analytics / Defender tables, EvtxECmd, Event
 * Viewer, Get-WinEvent, Hayabusa and Chainsaw; the tokenizers, which export a header belongs to
 * ({@link org.sigmaworkbench.logs.csv.CsvKinds}), and fields recovered from message text or from an
 * embedded {@code EventData} column.
 *
 * <p>May use the {@code logs} core and {@code logs.json} (the tools' field tables and the JSON held
 * in some columns); never {@code logs.detect}, another reader, the engine or JavaFX.
 */
package org.sigmaworkbench.logs.csv;
