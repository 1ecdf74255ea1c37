package org.sigmaworkbench.logs.xml;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/** Readers read one after another, as one text. */
final class ConcatReader extends Reader {
  private final List<Reader> parts;
  private int current;

  ConcatReader(List<Reader> parts) {
    this.parts = parts;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    while (current < parts.size()) {
      int n = parts.get(current).read(cbuf, off, len);
      if (n > 0) {
        return n;
      }
      if (n < 0) {
        current++;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    for (Reader r : parts) {
      r.close();
    }
  }
}
