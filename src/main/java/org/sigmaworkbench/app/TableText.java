package org.sigmaworkbench.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of table text (a header and cells) written as tab-separated text for the clipboard, as CSV
 * (RFC 4180) or as JSON lines (one object per row, the headers as keys).
 */
final class TableText {
  private TableText() {}

  /**
   * Tab-separated, a header line first, lines ended by {@code \n}. A cell holding a tab or a line
   * break, or starting with a double quote, is quoted as spreadsheets read it ({@code "a""b"});
   * other cells (a command line with quotes inside) are pasted as they are.
   */
  static String tsv(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    line(b, header, '\t', "\n", false);
    for (List<String> r : rows) {
      line(b, r, '\t', "\n", false);
    }
    return b.toString();
  }

  /**
   * CSV by RFC 4180: comma-separated, each record ended by CRLF, a field holding a comma, a double
   * quote, CR or LF enclosed in double quotes with its quotes doubled.
   */
  static void csv(List<String> header, List<List<String>> rows, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    line(b, header, ',', "\r\n", true);
    out.write(b.toString());
    for (List<String> r : rows) {
      b.setLength(0);
      line(b, r, ',', "\r\n", true);
      out.write(b.toString());
    }
  }

  static String csv(List<String> header, List<List<String>> rows) {
    return written(out -> csv(header, rows, out));
  }

  /** One JSON object per row, keys the headers in order, each line ended by {@code \n}. */
  static void jsonLines(List<String> header, List<List<String>> rows, Writer out)
      throws IOException {
    JsonFactory f = JsonFactory.builder().build();
    try (JsonGenerator g = f.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.setRootValueSeparator(null);
      for (List<String> r : rows) {
        g.writeStartObject();
        for (int i = 0; i < header.size(); i++) {
          g.writeStringField(header.get(i), i < r.size() ? r.get(i) : "");
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }

  static String jsonLines(List<String> header, List<List<String>> rows) {
    return written(out -> jsonLines(header, rows, out));
  }

  /** Writing to a {@link Writer}. */
  private interface Writing {
    void to(Writer out) throws IOException;
  }

  /** What {@code writing} writes, as a string (a string writer throws no I/O error). */
  private static String written(Writing writing) {
    StringWriter w = new StringWriter();
    try {
      writing.to(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void line(
      StringBuilder b, List<String> cells, char sep, String end, boolean quoteInnerQuotes) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(sep);
      }
      String c = cells.get(i) == null ? "" : cells.get(i);
      boolean quote =
          c.indexOf(sep) >= 0
              || (quoteInnerQuotes ? c.indexOf('"') >= 0 : c.startsWith("\""))
              || c.indexOf('\n') >= 0
              || c.indexOf('\r') >= 0;
      if (quote) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    b.append(end);
  }
}
