package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a delimited text export with a header row (comma, tab or semicolon, detected from the
 * header): RFC 4180 quoting with doubled quotes, line breaks and delimiters inside quoted fields,
 * CRLF or LF. A PowerShell {@code #TYPE} line is skipped; Log Analytics suffixes such as {@code "
 * [UTC]"} are removed from column names. The columns decide the {@link FieldLayout}.
 */
final class CsvEventReader implements EventStream {

  private static final Pattern HEADER_SUFFIX = Pattern.compile("\\s*\\[[^\\]]*\\]\\s*$");

  private final String file;
  private final TextInput.Opened input;
  private final Reader reader;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private final char delimiter;
  private final FieldSchema schema;
  private final List<LogProblem> problems = new ArrayList<>();
  private long record;
  private final StringBuilder field = new StringBuilder();
  private final List<String> row = new ArrayList<>();
  private final String formatName;

  CsvEventReader(Path path) throws IOException, LogFormatException {
    this.file = path.getFileName().toString();
    this.input = TextInput.open(path);
    this.reader = input.reader();
    boolean ok = false;
    try {
      skipTypeLine();
      String headerLine = peekLine();
      if (headerLine == null || headerLine.isBlank()) {
        throw new LogFormatException(
            file + ": the file is empty; expected a header row of column names");
      }
      this.delimiter = detectDelimiter(headerLine);
      List<String> header = new ArrayList<>();
      if (!readRow(header)) {
        throw new LogFormatException(file + ": no header row");
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String n = HEADER_SUFFIX.matcher(header.get(i).strip()).replaceAll("");
        names.add(n.isEmpty() ? "Column" + (i + 1) : n);
      }
      FieldLayout layout = Layouts.forColumns(names);
      this.schema = FieldSchema.of(names, layout);
      this.formatName =
          (delimiter == '\t' ? "Tab-separated" : delimiter == ';' ? "Semicolon-separated" : "CSV")
              + " ("
              + layout.name()
              + ")";
      ok = true;
    } finally {
      if (!ok) {
        reader.close();
      }
    }
  }

  private static char detectDelimiter(String headerLine) {
    int commas = 0;
    int tabs = 0;
    int semis = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == '\t') {
          tabs++;
        } else if (c == ';') {
          semis++;
        }
      }
    }
    if (tabs > commas && tabs >= semis) {
      return '\t';
    }
    if (semis > commas) {
      return ';';
    }
    return ',';
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

  /** The next physical line without consuming it (for delimiter detection). */
  private String peekLine() throws IOException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
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

  private void skipTypeLine() throws IOException {
    String first = peekLine();
    if (first != null && first.startsWith("#TYPE")) {
      pos += first.length();
      if (pos < limit && buf[pos] == '\n') {
        pos++;
      }
      line++;
    }
  }

  /**
   * Reads one record into {@code out}. Returns false at the end of the file. Blank lines are
   * skipped.
   */
  private boolean readRow(List<String> out) throws IOException {
    out.clear();
    field.setLength(0);
    boolean quoted = false;
    boolean fieldStarted = false;
    boolean any = false;
    long startLine = line;
    while (true) {
      if (pos >= limit && !fill()) {
        if (quoted) {
          problems.add(
              new LogProblem(
                  file,
                  "line " + startLine,
                  "a quoted field opened in record "
                      + (record + 1)
                      + " is never closed; its text up to the end of the file was kept",
                  false));
        }
        if (any || fieldStarted || field.length() > 0) {
          out.add(field.toString());
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
        out.add(field.toString());
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
          startLine = line;
          continue; // blank line
        }
        out.add(field.toString());
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

  @Override
  public Event next() throws IOException {
    if (!readRow(row)) {
      return null;
    }
    record++;
    String[] values = new String[schema.size()];
    int n = Math.min(row.size(), values.length);
    for (int i = 0; i < n; i++) {
      values[i] = row.get(i);
    }
    if (row.size() > values.length) {
      problems.add(
          new LogProblem(
              file,
              "record " + record + ", line " + (line - 1),
              "the record has "
                  + row.size()
                  + " fields but the header names "
                  + values.length
                  + "; the extra fields were kept in the last column",
              false));
      StringBuilder extra =
          new StringBuilder(values[values.length - 1] == null ? "" : values[values.length - 1]);
      for (int i = values.length; i < row.size(); i++) {
        extra.append(delimiter).append(row.get(i));
      }
      values[values.length - 1] = extra.toString();
    }
    return new Event(file, record, schema, values);
  }

  @Override
  public List<LogProblem> problems() {
    return problems;
  }

  @Override
  public String formatName() {
    return formatName;
  }

  @Override
  public long bytesRead() {
    return input.counter().count();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
