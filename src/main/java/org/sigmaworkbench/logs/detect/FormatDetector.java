package org.sigmaworkbench.logs.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.sigmaworkbench.logs.EventBuilder;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.Layouts;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.TextInput;
import org.sigmaworkbench.logs.csv.CharCsvTokenizer;
import org.sigmaworkbench.logs.csv.CsvKinds;
import org.sigmaworkbench.logs.csv.CsvPreamble;
import org.sigmaworkbench.logs.csv.CsvRow;
import org.sigmaworkbench.logs.json.JsonFields;
import org.sigmaworkbench.logs.json.WindowsJsonFields;

/**
 * Tells a log's format from its content, never its name: the {@code .evtx} magic, then the first 64
 * KB of text: event XML, JSON (and from the names of the first object's fields which tool wrote
 * it), or a delimited export (and from its header and first rows which tool wrote it).
 */
final class FormatDetector {

  private static final byte[] EVTX_MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern RECORD_LINE = Pattern.compile("(?i)record \\d+");

  private FormatDetector() {}

  static LogKind detect(Path file) throws IOException, LogFormatException {
    if (!Files.exists(file)) {
      throw new LogFormatException(file + ": no such file");
    }
    if (!Files.isReadable(file)) {
      throw new LogFormatException(file + ": not readable (permissions)");
    }
    if (Files.isDirectory(file)) {
      throw new LogFormatException(file.getFileName() + ": is a folder, not a log file");
    }
    if (Files.size(file) == 0) {
      throw new LogFormatException(file.getFileName() + ": the file is empty");
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (Arrays.equals(in.readNBytes(8), EVTX_MAGIC)) {
        return LogKind.EVTX;
      }
    }
    String head = TextInput.head(file, TextInput.HEAD_CHARS);
    return detect(file.getFileName().toString(), head, head.length() >= TextInput.HEAD_CHARS);
  }

  /** The kind of a text whose beginning is {@code head} ({@code truncated}: the text goes on). */
  static LogKind detect(String name, String head, boolean truncated) throws LogFormatException {
    String t = head.stripLeading();
    if (t.isEmpty()) {
      throw new LogFormatException(name + ": the file holds only blank space");
    }
    int binary = 0;
    for (int i = 0; i < Math.min(head.length(), 2048); i++) {
      char c = head.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFD') {
        binary++;
      }
    }
    if (binary > 8) {
      throw new LogFormatException(
          name
              + ": this is binary data, not a log this tool reads; expected event XML, JSON lines,"
              + " a CSV export or a .evtx file");
    }
    String firstLine = t.lines().findFirst().orElse("");
    if (RECORD_LINE.matcher(firstLine.strip()).matches()) {
      // evtx_dump: "Record N" before each event.
      String rest = t.substring(firstLine.length()).stripLeading();
      if (rest.startsWith("<")) {
        return LogKind.EVENT_XML;
      }
      if (rest.startsWith("{")) {
        return jsonKind(rest);
      }
    }
    char first = t.charAt(0);
    if (first == '<') {
      return LogKind.EVENT_XML;
    }
    if (first == '{' || first == '[') {
      return jsonKind(t);
    }
    return csvKind(name, t, truncated, firstLine);
  }

  /** The kind of JSON from the names of the first object's fields (as far as the head holds it). */
  private static LogKind jsonKind(String text) {
    EventBuilder b = new EventBuilder();
    try (JsonParser p = JsonFields.JSON.createParser(text)) {
      JsonToken tk = p.nextToken();
      while (tk == JsonToken.START_ARRAY) {
        tk = p.nextToken();
      }
      if (tk == JsonToken.START_OBJECT) {
        JsonFields.flatten(p, "", b);
      }
    } catch (IOException e) {
      // The head ends inside the object, or the JSON is broken: judge from the names read so far.
    }
    return WindowsJsonFields.classify(b.names());
  }

  private static LogKind csvKind(String name, String text, boolean truncated, String firstLine)
      throws LogFormatException {
    boolean delimited =
        firstLine.startsWith("#TYPE")
            || firstLine.regionMatches(true, 0, "sep=", 0, 4)
            || firstLine.indexOf(',') >= 0
            || firstLine.indexOf('\t') >= 0
            || firstLine.indexOf(';') >= 0;
    String single = delimited ? null : CsvKinds.singleColumn(firstLine);
    if (single != null && Layouts.isKnownField(single)) {
      // One column named by a Sigma field or a table's column: a list of values, a log too.
      return Layouts.forColumns(List.of(single)) != FieldLayout.NATIVE
          ? LogKind.TABLE_EXPORT_CSV
          : LogKind.CSV;
    }
    if (!delimited) {
      throw new LogFormatException(
          name
              + ": not a log this tool reads; expected event XML (starts with '<'), JSON (starts"
              + " with '{' or '['), a CSV or tab-separated export with a header row (one column"
              + " only when its header is a field name such as CommandLine), or a .evtx"
              + " file. The first line is: '"
              + (firstLine.length() > 60 ? firstLine.substring(0, 60) + "..." : firstLine)
              + "'");
    }
    try (CharCsvTokenizer tk = new CharCsvTokenizer(new StringReader(text))) {
      CsvPreamble preamble = CsvPreamble.skip(tk);
      String typeLine = preamble.typeLine();
      char sep = preamble.separator();
      String line = tk.peekLine();
      if (line == null) {
        return LogKind.CSV;
      }
      char delimiter = sep != 0 ? sep : CsvKinds.delimiterOf(line);
      tk.delimiter(delimiter);
      CsvRow header = new CsvRow();
      if (!tk.next(header)) {
        return LogKind.CSV;
      }
      List<String> names = CsvKinds.columnNames(header.toList());
      List<List<String>> rows = new ArrayList<>();
      CsvRow r = new CsvRow();
      while (rows.size() < 5 && tk.next(r)) {
        rows.add(r.toList());
      }
      if (truncated && !rows.isEmpty() && rows.size() < 5) {
        rows.remove(rows.size() - 1); // cut off by the end of the head
      }
      return CsvKinds.classify(names, delimiter, rows, typeLine);
    } catch (IOException e) {
      return LogKind.CSV;
    }
  }
}
