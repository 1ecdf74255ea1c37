package org.sigmaworkbench.logs;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text log with the right encoding: UTF-8 with or without a byte order mark, UTF-16 LE or
 * BE with one (as PowerShell 5.1 writes), or UTF-16 without one when the zero bytes give it away.
 * Counts the bytes consumed for progress. Undecodable bytes become U+FFFD rather than stopping the
 * read.
 */
final class TextInput {

  private TextInput() {}

  /** A reader over the text, and the byte counter under it. */
  record Opened(Reader reader, Counter counter, Charset charset) {}

  /** Counts bytes read from the file. */
  static final class Counter extends FilterInputStream {
    private long count;

    Counter(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }

    long count() {
      return count;
    }
  }

  static Opened open(Path file) throws IOException {
    Counter counter = new Counter(Files.newInputStream(file));
    BufferedInputStream in = new BufferedInputStream(counter, 1 << 16);
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      skip = 3;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (head.length == 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
      cs = StandardCharsets.UTF_16LE;
    } else if (head.length == 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
      cs = StandardCharsets.UTF_16BE;
    }
    in.skipNBytes(skip);
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new Opened(new InputStreamReader(in, decoder), counter, cs);
  }

  /** The first {@code maxChars} characters of a file, decoded as {@link #open} would. */
  static String head(Path file, int maxChars) throws IOException {
    Opened o = open(file);
    try (Reader r = o.reader()) {
      char[] buf = new char[maxChars];
      int n = 0;
      while (n < maxChars) {
        int k = r.read(buf, n, maxChars - n);
        if (k < 0) {
          break;
        }
        n += k;
      }
      return new String(buf, 0, n);
    }
  }
}
