package org.sigmaworkbench.logs.csv;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.sigmaworkbench.logs.TextFilter;

/**
 * A {@link CsvTokenizer} for UTF-8 files that works on the bytes: it finds delimiters, quotes and
 * line ends eight bytes at a time without decoding, and either decodes each field ({@link #next})
 * or hands the record's bytes over with the field bounds ({@link #nextRaw}) so that only the fields
 * someone reads are ever decoded. Reads the file in large blocks; a record is always parsed whole
 * from the block (the block grows for a record larger than it, up to {@link #MAX_RECORD}).
 */
final class Utf8CsvTokenizer implements CsvTokenizer {

  /** A record longer than this is taken for a quote never closed. */
  static final int MAX_RECORD = 64 << 20;

  private static final int OK = 0;
  private static final int MORE = 1;
  private static final int END = 2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';

  private final FileChannel channel;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long base;
  private long line = 1;
  private byte delimiter = ',';
  private long delimiters = ONES * ',';

  /** The record just parsed: field bounds (start negative when doubled quotes are inside). */
  private int[] bnd = new int[64];

  private int fields;
  private String[] irregular = new String[32];
  private boolean anyIrregular;
  private boolean unclosed;
  private int recordStart;
  private int recordEnd;
  private long recordLine;

  /**
   * @param file the file
   * @param skip bytes to skip at the start (a byte order mark)
   * @param blockSize bytes read at a time
   */
  Utf8CsvTokenizer(Path file, int skip, int blockSize) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.buf = new byte[blockSize];
    this.base = skip;
    try {
      channel.position(skip);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void delimiter(char d) {
    delimiter = (byte) d;
    delimiters = ONES * (d & 0xFF);
  }

  /** Reads more of the file after the record starting at {@code pos}. */
  private void refill() throws IOException {
    if (eof) {
      return;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_RECORD) {
        throw new RecordTooLong(line);
      }
      buf = Arrays.copyOf(buf, Math.min(MAX_RECORD, buf.length * 2));
    }
    int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** Thrown when a record outgrows {@link #MAX_RECORD}. */
  static final class RecordTooLong extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    RecordTooLong(long line) {
      super("a record starting on line " + line + " is longer than " + (MAX_RECORD >> 20) + " MB");
      this.line = line;
    }
  }

  @Override
  public String peekLine() throws IOException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
          return new String(buf, pos, i - pos, StandardCharsets.UTF_8);
        }
      }
      if (eof || limit - pos >= (1 << 20)) {
        return limit > pos ? new String(buf, pos, limit - pos, StandardCharsets.UTF_8) : null;
      }
      refill();
    }
  }

  @Override
  public void skipLine() throws IOException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        byte b = buf[i];
        if (b == '\n' || b == '\r') {
          if (b == '\r' && i + 1 >= limit && !eof) {
            break;
          }
          i++;
          if (b == '\r' && i < limit && buf[i] == '\n') {
            i++;
          }
          pos = i;
          line++;
          return;
        }
      }
      if (eof) {
        pos = limit;
        return;
      }
      refill();
    }
  }

  /** The record in the bounds was parsed by {@link #skipUnwanted} and is the next one to give. */
  private boolean parsed;

  private long passedOver;

  /**
   * Passes over the records ahead that nobody wants, stopping before the first other record (which
   * {@link #next} or {@link #nextRaw} gives next). A record is passed over when it is regular (no
   * text after a closing quote, no quote left open), has at most {@code maxFields} fields, holds no
   * doubled quote when {@code doubledQuotesMatter}, and its bytes hold nothing {@code filter}
   * wants. Line numbers count on as if every record had been given; {@link #passedOver} counts
   * them.
   */
  void skipUnwanted(TextFilter filter, int maxFields, boolean doubledQuotesMatter)
      throws IOException {
    while (parseNext()) {
      if (anyIrregular
          || unclosed
          || fields > maxFields
          || (doubledQuotesMatter && anyDoubledQuote())
          || filter.inUtf8(buf, recordStart, recordEnd - recordStart)) {
        parsed = true;
        return;
      }
      passedOver++;
    }
  }

  /** Records passed over so far ({@link #skipUnwanted}). */
  long passedOver() {
    return passedOver;
  }

  private boolean anyDoubledQuote() {
    for (int f = 0; f < fields; f++) {
      if (bnd[2 * f] < 0) {
        return true;
      }
    }
    return false;
  }

  /** Parses the next record into the bounds; false at the end. */
  private boolean parseNext() throws IOException {
    if (parsed) {
      parsed = false;
      return true;
    }
    while (true) {
      int start = pos;
      long startLine = line;
      int r = parse();
      if (r == OK) {
        return true;
      }
      if (r == END) {
        return false;
      }
      pos = start;
      line = startLine;
      refill();
    }
  }

  @Override
  public boolean next(CsvRow row) throws IOException {
    row.clear();
    if (!parseNext()) {
      return false;
    }
    fill(row);
    return true;
  }

  /**
   * The next record with its bytes and field bounds in {@code row} (decoded like {@link #next} when
   * a field is irregular: text after a closing quote, a quote never closed).
   */
  boolean nextRaw(CsvRow row) throws IOException {
    row.clear();
    if (!parseNext()) {
      return false;
    }
    if (anyIrregular || unclosed) {
      fill(row);
      return true;
    }
    int from = recordStart;
    row.raw = Arrays.copyOfRange(buf, from, recordEnd);
    int[] b = Arrays.copyOf(bnd, 2 * fields);
    for (int i = 0; i < b.length; i += 2) {
      int s = b[i];
      b[i] = s >= 0 ? s - from : -((-s - 1) - from) - 1;
      b[i + 1] -= from;
    }
    row.bounds = b;
    row.size = fields;
    row.line = recordLine;
    return true;
  }

  private void fill(CsvRow row) {
    row.line = recordLine;
    row.unclosedQuote = unclosed;
    for (int f = 0; f < fields; f++) {
      String special = anyIrregular ? irregular[f] : null;
      if (special != null) {
        row.add(special);
        continue;
      }
      int s = bnd[2 * f];
      int e = bnd[2 * f + 1];
      if (s >= 0) {
        row.add(s == e ? "" : new String(buf, s, e - s, StandardCharsets.UTF_8));
      } else {
        row.add(RawCsvRow.unescape(buf, -s - 1, e));
      }
    }
  }

  private void addField(int start, int end) {
    if (2 * fields + 2 > bnd.length) {
      bnd = Arrays.copyOf(bnd, bnd.length * 2);
    }
    bnd[2 * fields] = start;
    bnd[2 * fields + 1] = end;
    if (anyIrregular) {
      if (fields >= irregular.length) {
        irregular = Arrays.copyOf(irregular, irregular.length * 2);
      }
      irregular[fields] = null;
    }
    fields++;
  }

  private void addIrregular(String value) {
    if (!anyIrregular) {
      anyIrregular = true;
      if (irregular.length < fields + 1) {
        irregular = new String[Math.max(32, fields * 2)];
      }
      Arrays.fill(irregular, 0, fields, null);
    }
    addField(0, 0);
    irregular[fields - 1] = value;
  }

  /** The first byte at or after {@code from} that is the delimiter or a line end, or {@code to}. */
  private int endOfPlainField(byte[] b, int from, int to) {
    final long dl = delimiters;
    int i = from;
    while (i + 8 <= to) {
      long w = (long) LONGS.get(b, i);
      long m = zeros(w ^ dl) | zeros(w ^ LFS) | zeros(w ^ CRS);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
      i += 8;
    }
    final byte d = delimiter;
    while (i < to) {
      byte c = b[i];
      if (c == d || c == '\n' || c == '\r') {
        return i;
      }
      i++;
    }
    return to;
  }

  /** The first quote or line feed at or after {@code from}, or {@code to}. */
  private static int nextQuoteOrLf(byte[] b, int from, int to) {
    int i = from;
    while (i + 8 <= to) {
      long w = (long) LONGS.get(b, i);
      long m = zeros(w ^ QUOTES) | zeros(w ^ LFS);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
      i += 8;
    }
    while (i < to) {
      byte c = b[i];
      if (c == '"' || c == '\n') {
        return i;
      }
      i++;
    }
    return to;
  }

  /** High bit set in each byte of {@code v} that is zero (exact for the lowest one). */
  private static long zeros(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  private int parse() {
    final byte[] b = buf;
    final int lim = limit;
    fields = 0;
    anyIrregular = false;
    unclosed = false;
    int i = pos;
    while (true) {
      if (i >= lim) {
        if (eof) {
          pos = i;
          return END;
        }
        return MORE;
      }
      byte c = b[i];
      if (c == '\n') {
        i++;
        line++;
      } else if (c == '\r') {
        if (i + 1 >= lim && !eof) {
          return MORE;
        }
        i++;
        if (i < lim && b[i] == '\n') {
          i++;
        }
        line++;
      } else {
        break;
      }
    }
    recordStart = i;
    recordLine = line;
    final byte d = delimiter;
    while (true) {
      if (i >= lim) {
        if (!eof) {
          return MORE;
        }
        addField(i, i);
        recordEnd = i;
        pos = i;
        return OK;
      }
      if (b[i] == '"') {
        int j = i + 1;
        boolean escaped = false;
        int lines = 0;
        while (true) {
          j = nextQuoteOrLf(b, j, lim);
          if (j >= lim) {
            if (!eof) {
              return MORE;
            }
            unclosed = true;
            addField(escaped ? -(i + 1) - 1 : i + 1, lim);
            line += lines;
            recordEnd = lim;
            pos = lim;
            return OK;
          }
          if (b[j] == '\n') {
            lines++;
            j++;
            continue;
          }
          if (j + 1 >= lim && !eof) {
            return MORE;
          }
          if (j + 1 < lim && b[j + 1] == '"') {
            escaped = true;
            j += 2;
            continue;
          }
          break;
        }
        line += lines;
        int contentStart = i + 1;
        int contentEnd = j;
        i = j + 1;
        if (i < lim && b[i] != d && b[i] != '\n' && b[i] != '\r') {
          // Text after the closing quote ("a"b): kept, as spreadsheet programs do.
          int k = endOfPlainField(b, i, lim);
          if (k >= lim && !eof) {
            return MORE;
          }
          String quoted =
              escaped
                  ? RawCsvRow.unescape(b, contentStart, contentEnd)
                  : new String(b, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8);
          addIrregular(quoted + new String(b, i, k - i, StandardCharsets.UTF_8));
          i = k;
        } else {
          addField(escaped ? -contentStart - 1 : contentStart, contentEnd);
        }
      } else {
        int k = endOfPlainField(b, i, lim);
        if (k >= lim && !eof) {
          return MORE;
        }
        addField(i, k);
        i = k;
      }
      if (i >= lim) {
        if (!eof) {
          return MORE;
        }
        recordEnd = i;
        pos = i;
        return OK;
      }
      byte t = b[i];
      if (t == d) {
        i++;
        continue;
      }
      recordEnd = i;
      if (t == '\r') {
        if (i + 1 >= lim && !eof) {
          return MORE;
        }
        i++;
        if (i < lim && b[i] == '\n') {
          i++;
        }
      } else {
        i++;
      }
      line++;
      pos = i;
      return OK;
    }
  }

  @Override
  public long bytesRead() {
    return base + pos;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
