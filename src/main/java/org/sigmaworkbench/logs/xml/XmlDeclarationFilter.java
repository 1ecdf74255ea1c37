package org.sigmaworkbench.logs.xml;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;

/**
 * Blanks out XML declarations ({@code <?xml version="1.0" ...?>}) wherever they are: spaces in
 * their place, so that every other character keeps its line and column. Dumps that write one
 * document per event (evtx_dump {@code -o xml}, PowerShell's {@code ToXml()} per line with a
 * declaration) become one stream of events that a synthetic root element can hold; the encoding
 * they name is moot, the text is already decoded.
 */
final class XmlDeclarationFilter extends Reader {

  private static final char[] OPEN = "<?xml".toCharArray();

  private final Reader in;
  // The characters read ahead, from position to limit; compacted and refilled by the JDK.
  private final CharBuffer buf = CharBuffer.allocate(1 << 15).flip();
  private boolean eof;

  XmlDeclarationFilter(Reader in) {
    this.in = in;
  }

  /** Makes at least {@code n} characters available; false if the text ends first. */
  private boolean ensure(int n) throws IOException {
    while (buf.remaining() < n && !eof) {
      buf.compact();
      eof = in.read(buf) < 0;
      buf.flip();
    }
    return buf.remaining() >= n;
  }

  private boolean atDeclaration() throws IOException {
    if (!ensure(OPEN.length + 1)) {
      return false;
    }
    int at = buf.position();
    for (int i = 0; i < OPEN.length; i++) {
      if (buf.get(at + i) != OPEN[i]) {
        return false;
      }
    }
    char after = buf.get(at + OPEN.length);
    return after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '?';
  }

  // Inside a declaration being blanked; whether the last character was '?'.
  private boolean blanking;
  private boolean question;

  /** Gives what is read ahead (reading more only when nothing is), declarations blanked. */
  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensure(1)) {
      return -1;
    }
    // The backing array with a local index: a call per character costs more than the filter.
    char[] a = buf.array();
    int p = buf.position();
    int n = 0;
    while (n < len && p < buf.limit()) {
      char c = a[p];
      if (!blanking && c == '<') {
        buf.position(p);
        blanking = atDeclaration(); // may compact the buffer: p is read again
        question = false;
        p = buf.position();
      }
      if (blanking) {
        if (c == '>' && question) {
          blanking = false;
        }
        question = c == '?';
        c = c == '\n' || c == '\r' ? c : ' ';
      }
      cbuf[off + n++] = c;
      p++;
    }
    buf.position(p);
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
