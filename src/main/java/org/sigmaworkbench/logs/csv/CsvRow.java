package org.sigmaworkbench.logs.csv;

import java.util.Arrays;
import java.util.List;

/** The fields of one delimited record as a tokenizer read them, and where the record was. */
public final class CsvRow {
  String[] fields = new String[16];
  int size;

  /** The line the record starts on (1-based). */
  long line;

  /** Set when the record ends inside a quoted field that was never closed. */
  boolean unclosedQuote;

  /**
   * When not null, the record's bytes: the fields are not in {@link #fields} but at {@link #bounds}
   * in these bytes (see {@link RawCsvRow}).
   */
  byte[] raw;

  int[] bounds;

  void clear() {
    size = 0;
    unclosedQuote = false;
    raw = null;
    bounds = null;
  }

  void add(String field) {
    if (size == fields.length) {
      fields = Arrays.copyOf(fields, size * 2);
    }
    fields[size++] = field;
  }

  String[] toArray() {
    return Arrays.copyOf(fields, size);
  }

  public List<String> toList() {
    return List.of(toArray());
  }
}
