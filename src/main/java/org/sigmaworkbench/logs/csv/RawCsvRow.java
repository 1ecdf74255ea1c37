package org.sigmaworkbench.logs.csv;

import java.nio.charset.StandardCharsets;
import org.sigmaworkbench.logs.LazyValues;

/**
 * The bytes of one UTF-8 CSV record and where each field lies in them, decoded field by field when
 * an event asks. A field whose start is negative ({@code -start - 1}) was quoted with doubled
 * quotes inside.
 */
final class RawCsvRow implements LazyValues {

  private final byte[] bytes;
  private final int[] bounds;
  private final DecodeHints hints;

  RawCsvRow(byte[] bytes, int[] bounds, DecodeHints hints) {
    this.bytes = bytes;
    this.bounds = bounds;
    this.hints = hints;
  }

  int size() {
    return bounds.length >> 1;
  }

  @Override
  public String decode(int slot) {
    hints.want(slot);
    return field(slot);
  }

  /** The field's text (without noting it as wanted). */
  String field(int slot) {
    if (2 * slot >= bounds.length) {
      return null;
    }
    int start = bounds[2 * slot];
    int end = bounds[2 * slot + 1];
    if (start >= 0) {
      return start == end ? "" : new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
    return unescape(bytes, -start - 1, end);
  }

  /** Quoted text with each doubled quote made one. */
  static String unescape(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      out[n++] = c;
      if (c == '"' && i + 1 < to && b[i + 1] == '"') {
        i++;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
