/**
 * The core shared by every log reader: the {@link org.sigmaworkbench.logs.Event} and its {@link
 * org.sigmaworkbench.logs.FieldSchema}, the field layouts ({@link
 * org.sigmaworkbench.logs.FieldLayout}, {@link org.sigmaworkbench.logs.Layouts}) that say which
 * column holds which Sigma field and which Sigma logsource the events belong to ({@link
 * org.sigmaworkbench.mapping.WindowsLogsources}), the kinds of log ({@link
 * org.sigmaworkbench.logs.LogKind}), the user's choice of format and column mapping ({@link
 * org.sigmaworkbench.logs.ReadOptions}), text decoding ({@link org.sigmaworkbench.logs.TextInput})
 * and reader problems ({@link org.sigmaworkbench.logs.LogProblem}). Message labels and the tools'
 * field names are data files next to these classes, loaded by {@code yaml.DataFiles}; the logsource
 * table and the target tables are in {@code mapping}. The readers are the sub-packages {@code
 * logs.csv}, {@code logs.json}, {@code logs.xml} and {@code logs.evtx}; {@code logs.detect} tells a
 * file's format and opens it.
 *
 * <p>May use {@code rule}, {@code mapping} and {@code yaml}; never {@code kql}, its own
 * sub-packages, the engine, the faces or JavaFX.
 */
package org.sigmaworkbench.logs;
