package org.sigmaworkbench.logs.evtx;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.logs.LogProblem;

/**
 * What one chunk slot decoded to: the fields of its records in file order, where each record ends
 * (for progress), and the problems met. Built on a decoder thread, read by the thread that delivers
 * events.
 */
final class DecodedChunk {
  final int slot;
  final long fileOffset;
  final List<LogProblem> problems = new ArrayList<>(0);

  /**
   * One decoded record: its fields, where it lies in the chunk, and its index among the chunk's
   * records, those passed over included.
   */
  record Decoded(FieldSchema schema, String[] values, int start, int end, int index) {}

  final List<Decoded> records = new ArrayList<>(128);

  /** Records passed over: they hold nothing the reader's filter wants. */
  int passedOver;

  /** Bytes of the slot present in the file (less than 64 KiB only for a truncated last chunk). */
  int length;

  /** True when the slot held a chunk (its signature was there). */
  boolean valid;

  /** True when the slot held neither a chunk nor zeroes. */
  boolean garbage;

  DecodedChunk(int slot, long fileOffset) {
    this.slot = slot;
    this.fileOffset = fileOffset;
  }

  void add(FieldSchema schema, String[] values, int recordStart, int recordEnd) {
    records.add(new Decoded(schema, values, recordStart, recordEnd, records.size() + passedOver));
  }
}
