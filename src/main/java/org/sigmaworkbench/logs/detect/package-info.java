/**
 * Opening a log: {@link org.sigmaworkbench.logs.detect.FormatDetector} tells the format from the
 * content, never the name, and {@link org.sigmaworkbench.logs.detect.LogReaders} is the entry point
 * that picks the reader ({@code logs.csv}, {@code logs.json}, {@code logs.xml}, {@code logs.evtx})
 * and reads large files ahead on a thread of its own.
 *
 * <p>May use the {@code logs} core and every reader package; nothing in {@code logs} depends on it.
 * Never the engine, the faces or JavaFX.
 */
package org.sigmaworkbench.logs.detect;
