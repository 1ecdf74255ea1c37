package org.sigmaworkbench.logs.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import org.sigmaworkbench.logs.TextInput;

/**
 * A one-column file whose header names a field ({@code CommandLine}) and whose every line is one
 * value, as a list of command lines pasted into a file is: a line is taken as it is, delimiters and
 * quotes included ({@code "C:\x.exe" /c a,b}), unless the whole line (or several lines) is one
 * CSV-quoted field ({@code "a ""b"", c"}), as a spreadsheet writes a one-column CSV; that field is
 * unquoted. Blank lines are skipped.
 */
final class LineListTokenizer extends TextCsvTokenizer {

  /** Most lines one quoted field may span before it is taken for lines of their own. */
  private static final int MAX_QUOTED_LINES = 1000;

  private final ArrayDeque<String[]> pending = new ArrayDeque<>(); // {text, line break}
  private long line = 1;
  private boolean eof;

  LineListTokenizer(TextInput.Opened input) {
    super(input.counter(), new BufferedReader(input.reader(), 1 << 16));
  }

  /** The next physical line and the break that ended it ("" at the end), or null. */
  private String[] read() throws IOException {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    if (eof) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    while (true) {
      int c = reader.read();
      if (c < 0) {
        eof = true;
        return b.length() == 0 ? null : new String[] {b.toString(), ""};
      }
      if (c == '\n') {
        return new String[] {b.toString(), "\n"};
      }
      if (c == '\r') {
        reader.mark(1);
        int d = reader.read();
        if (d == '\n') {
          return new String[] {b.toString(), "\r\n"};
        }
        if (d >= 0) {
          reader.reset();
        }
        return new String[] {b.toString(), "\r"};
      }
      b.append((char) c);
      if (b.length() > CharCsvTokenizer.MAX_RECORD_CHARS) {
        throw new Utf8CsvTokenizer.RecordTooLong(line);
      }
    }
  }

  @Override
  public String peekLine() throws IOException {
    String[] l = read();
    if (l == null) {
      return null;
    }
    pending.addFirst(l);
    return l[0];
  }

  @Override
  public void skipLine() throws IOException {
    if (read() != null) {
      line++;
    }
  }

  @Override
  public void delimiter(char delimiter) {
    // One column: there is no delimiter.
  }

  @Override
  public boolean next(CsvRow row) throws IOException {
    row.clear();
    String[] l;
    while ((l = read()) != null && l[0].isBlank()) {
      line++;
    }
    if (l == null) {
      return false;
    }
    row.line = line;
    String text = l[0];
    line++;
    if (text.startsWith("\"")) {
      String unquoted = unquote(l);
      if (unquoted != null) {
        row.add(unquoted);
        return true;
      }
    }
    row.add(text);
    return true;
  }

  /**
   * The value of a quoted field that starts {@code first} and ends at the end of a line; null (the
   * lines read ahead put back) when the lines are not one quoted field.
   */
  private String unquote(String[] first) throws IOException {
    StringBuilder value = new StringBuilder();
    ArrayDeque<String[]> taken = new ArrayDeque<>();
    String[] l = first;
    int from = 1;
    while (true) {
      String t = l[0];
      for (int i = from; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c != '"') {
          value.append(c);
        } else if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
          value.append('"');
          i++;
        } else if (i == t.length() - 1) {
          line += taken.size();
          return value.toString();
        } else {
          putBack(taken);
          return null; // text after the closing quote: the line is a value as it is
        }
      }
      if (taken.size() >= MAX_QUOTED_LINES) {
        putBack(taken);
        return null;
      }
      value.append(l[1]);
      l = read();
      if (l == null) {
        putBack(taken);
        return null;
      }
      taken.add(l);
      from = 0;
    }
  }

  private void putBack(ArrayDeque<String[]> taken) {
    while (!taken.isEmpty()) {
      pending.addFirst(taken.pollLast());
    }
  }
}
