package org.sigmaworkbench.logs.csv;

/**
 * Which columns of a file the matching reads, learnt as it goes: when an event decodes a column on
 * demand, the reader decodes that column ahead for the rows after it (on the read-ahead thread),
 * and leaves the other columns as bytes until someone asks.
 */
final class DecodeHints {

  private final boolean[] wanted;
  private volatile int version;

  DecodeHints(int columns) {
    this.wanted = new boolean[columns];
  }

  /** Notes that a column was read. */
  void want(int column) {
    if (column < wanted.length && !wanted[column]) {
      wanted[column] = true;
      version++;
    }
  }

  /** Changes each time a column is added; a reader rereads {@link #wanted} when it changes. */
  int version() {
    return version;
  }

  boolean wanted(int column) {
    return wanted[column];
  }

  int columns() {
    return wanted.length;
  }
}
