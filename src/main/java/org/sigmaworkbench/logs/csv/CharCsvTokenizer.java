package org.sigmaworkbench.logs.csv;

import java.io.IOException;
import java.io.Reader;
import org.sigmaworkbench.logs.TextInput;

/** A {@link CsvTokenizer} over decoded text (UTF-16 files, and text of any encoding). */
public final class CharCsvTokenizer extends TextCsvTokenizer {

  /**
   * A record longer than this (the byte limit of {@link Utf8CsvTokenizer#MAX_RECORD} in UTF-16) is
   * taken for a quote never closed: reading it on would hold the rest of the file in memory.
   */
  static final long MAX_RECORD_CHARS = Utf8CsvTokenizer.MAX_RECORD / 2;

  private final long maxRecordChars;
  private final char[] buf = new char[1 << 16];
  private final StringBuilder field = new StringBuilder();
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private char delimiter = ',';

  CharCsvTokenizer(TextInput.Opened input) {
    super(input.counter(), input.reader());
    this.maxRecordChars = MAX_RECORD_CHARS;
  }

  /** Over text already in memory (the head of a file, for detection). */
  public CharCsvTokenizer(Reader text) {
    this(text, MAX_RECORD_CHARS);
  }

  /** Over text, with the longest record taken. */
  CharCsvTokenizer(Reader text, long maxRecordChars) {
    super(null, text);
    this.maxRecordChars = maxRecordChars;
  }

  @Override
  public void delimiter(char d) {
    this.delimiter = d;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos < limit) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
    }
    limit -= pos;
    pos = 0;
    int n = reader.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  @Override
  public String peekLine() throws IOException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
          return new String(buf, pos, i - pos);
        }
      }
      if (limit - pos >= buf.length) {
        return new String(buf, pos, limit - pos);
      }
      if (!fill()) {
        return limit > pos ? new String(buf, pos, limit - pos) : null;
      }
    }
  }

  @Override
  public void skipLine() throws IOException {
    String l = peekLine();
    if (l == null) {
      return;
    }
    pos += l.length();
    if (pos >= limit) {
      fill();
    }
    if (pos < limit && buf[pos] == '\r') {
      pos++;
      if (pos >= limit) {
        fill();
      }
    }
    if (pos < limit && buf[pos] == '\n') {
      pos++;
    }
    line++;
  }

  @Override
  public boolean next(CsvRow row) throws IOException {
    row.clear();
    field.setLength(0);
    boolean quoted = false;
    boolean fieldStarted = false;
    boolean any = false;
    row.line = line;
    long read = 0;
    while (true) {
      if (++read > maxRecordChars) {
        throw new Utf8CsvTokenizer.RecordTooLong(row.line);
      }
      if (pos >= limit && !fill()) {
        if (quoted) {
          row.unclosedQuote = true;
        }
        if (any || fieldStarted || field.length() > 0) {
          row.add(field.toString());
          return true;
        }
        return false;
      }
      char c = buf[pos++];
      if (quoted) {
        if (c == '"') {
          if (pos >= limit) {
            fill();
          }
          if (pos < limit && buf[pos] == '"') {
            field.append('"');
            pos++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      if (c == delimiter) {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          if (pos >= limit) {
            fill();
          }
          if (pos < limit && buf[pos] == '\n') {
            pos++;
          }
        }
        line++;
        if (!any && !fieldStarted && field.length() == 0) {
          row.line = line;
          continue; // blank line
        }
        row.add(field.toString());
        return true;
      } else if (c == '"' && !fieldStarted && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
  }
}
