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
 * BE with one (as PowerShell 5.1 writes), UTF-16 without one when the zero bytes give it away, or
 * Windows-1252 when the bytes are not UTF-8. Counts the bytes consumed for progress. Undecodable
 * bytes become U+FFFD rather than stopping the read.
 */
public final class TextInput {

  /** How much of a file's text format detection and readers look at before reading. */
  public static final int HEAD_CHARS = 1 << 16;

  private TextInput() {}

  /** A reader over the text, and the byte counter under it. */
  public record Opened(Reader reader, Counter counter, Charset charset) {}

  /** Counts bytes read from the file. */
  public static final class Counter extends FilterInputStream {
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

    public long count() {
      return count;
    }
  }

  /**
   * The encoding of a text file: a byte order mark (UTF-8, UTF-16 LE or BE) decides; without one,
   * zero bytes in the first characters say UTF-16, bytes that are not valid UTF-8 say Windows-1252
   * (what Excel and Windows PowerShell 5.1 write as "ANSI"), else UTF-8.
   *
   * @param charset the encoding
   * @param bom the length of the byte order mark to skip
   */
  public record Encoding(Charset charset, int bom) {}

  public static Encoding sniff(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1 << 16);
    }
    return sniff(head);
  }

  static Encoding sniff(byte[] head) {
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      return new Encoding(StandardCharsets.UTF_8, 3);
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new Encoding(StandardCharsets.UTF_16LE, 2);
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Encoding(StandardCharsets.UTF_16BE, 2);
    }
    if (head.length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
      return new Encoding(StandardCharsets.UTF_16LE, 0);
    }
    if (head.length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
      return new Encoding(StandardCharsets.UTF_16BE, 0);
    }
    return new Encoding(validUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Whether bytes are UTF-8 (a sequence cut off at the end of the sample is fine). */
  private static boolean validUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int more;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
      } else {
        return false;
      }
      for (int k = 1; k <= more; k++) {
        if (i + k >= b.length) {
          return true;
        }
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
  }

  public static Opened open(Path file) throws IOException {
    Encoding enc = sniff(file);
    Counter counter = new Counter(Files.newInputStream(file));
    BufferedInputStream in = new BufferedInputStream(counter, 1 << 16);
    in.skipNBytes(enc.bom());
    CharsetDecoder decoder =
        enc.charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new Opened(new InputStreamReader(in, decoder), counter, enc.charset());
  }

  /** The first {@code maxChars} characters of a file, decoded as {@link #open} would. */
  public static String head(Path file, int maxChars) throws IOException {
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
