package org.sigmaworkbench.logs.evtx;

import java.util.ArrayList;
import java.util.Arrays;
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
  FieldSchema[] schemas = new FieldSchema[128];
  String[][] values = new String[128][];
  int[] recordStarts = new int[128];
  int[] recordEnds = new int[128];

  /** For each event, how many records of the chunk passed over came before it. */
  int[] passedBefore = new int[128];

  int count;

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

  void add(FieldSchema schema, String[] vals, int recordStart, int recordEnd) {
    if (count == schemas.length) {
      schemas = Arrays.copyOf(schemas, count * 2);
      values = Arrays.copyOf(values, count * 2);
      recordStarts = Arrays.copyOf(recordStarts, count * 2);
      recordEnds = Arrays.copyOf(recordEnds, count * 2);
      passedBefore = Arrays.copyOf(passedBefore, count * 2);
    }
    passedBefore[count] = passedOver;
    schemas[count] = schema;
    values[count] = vals;
    recordStarts[count] = recordStart;
    recordEnds[count] = recordEnd;
    count++;
  }
}
