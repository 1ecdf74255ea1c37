/**
 * A reader of native Windows {@code .evtx} files: the file header, 64 KiB chunks found by their
 * signature, the chunks' string and template tables, and the binary XML of each record with every
 * substitution value type, rendered as Windows renders it. Records become {@link
 * org.sigmaworkbench.logs.Event}s with the same field names as the event-XML reader. Chunks are
 * independent, so they are decoded on a small pool while events are delivered in file order. Damage
 * is reported per chunk or record with its byte offset, never by aborting the file.
 *
 * <p>May use the {@code logs} core, {@code rule} and {@code kql}; never {@code logs.detect},
 * another reader, JavaFX, the engine or the faces.
 */
package org.sigmaworkbench.logs.evtx;
