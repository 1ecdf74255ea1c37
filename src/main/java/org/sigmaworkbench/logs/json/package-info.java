/**
 * The reader of JSON and JSON lines ({@link org.sigmaworkbench.logs.json.JsonEventReader}): flat
 * objects, evtx_dump, Winlogbeat ECS, EvtxECmd, Hayabusa and Chainsaw, with the flattening of
 * nested objects ({@link org.sigmaworkbench.logs.json.JsonFields}) and each tool's field names
 * ({@code WindowsJsonFields}, {@code EvtxECmdFields}, {@code HayabusaFields}, {@code
 * ChainsawFields}), which the CSV exports of the same tools reuse.
 *
 * <p>May use the {@code logs} core; never {@code logs.detect}, another reader, the engine or
 * JavaFX.
 */
package org.sigmaworkbench.logs.json;
