package org.sigmaworkbench.logs.csv;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.Layouts;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.json.EvtxECmdFields;
import org.sigmaworkbench.logs.json.HayabusaFields;

/** Which tool wrote a delimited export, judged from its header and first rows. */
public final class CsvKinds {

  private static final Pattern HEADER_SUFFIX = Pattern.compile("\\s*\\[[^\\]]*\\]\\s*$");

  private CsvKinds() {}

  /**
   * Column names as the header gives them, cleaned: Log Analytics suffixes such as {@code " [UTC]"}
   * and {@code " [Local Time]"} removed, blanks named {@code ColumnN}.
   */
  public static List<String> columnNames(List<String> header) {
    String[] names = new String[header.size()];
    for (int i = 0; i < names.length; i++) {
      String n = header.get(i).replace("\uFEFF", "").strip();
      n = HEADER_SUFFIX.matcher(n).replaceAll("");
      names[i] = n.isEmpty() ? "Column" + (i + 1) : n;
    }
    return List.of(names);
  }

  /**
   * The kind of a delimited export.
   *
   * @param names the cleaned column names
   * @param delimiter the delimiter
   * @param rows the first data rows
   * @param typeLine the PowerShell {@code #TYPE} line, or {@code null}
   */
  public static LogKind classify(
      List<String> names, char delimiter, List<List<String>> rows, String typeLine) {
    if (names.size() >= 2
        && names.get(0).equals("timestamp")
        && names.get(1).equals("detections")) {
      return LogKind.CHAINSAW_CSV;
    }
    if (HayabusaFields.matches(names)) {
      return LogKind.HAYABUSA_CSV;
    }
    if (EvtxECmdFields.matches(names)) {
      return LogKind.EVTXECMD_CSV;
    }
    if (EventViewerFields.matches(names, rows)) {
      return delimiter == '\t' ? LogKind.EVENT_VIEWER_TEXT : LogKind.EVENT_VIEWER_CSV;
    }
    boolean eventLogRecord =
        typeLine != null && typeLine.toLowerCase(Locale.ROOT).contains("eventlogrecord");
    if (PowerShellCsvFields.matches(names, eventLogRecord)) {
      return LogKind.POWERSHELL_CSV;
    }
    if (EventDataColumn.matches(names)) {
      return LogKind.LOG_ANALYTICS_EVENT_CSV;
    }
    if (Layouts.forColumns(names) != FieldLayout.NATIVE) {
      return LogKind.TABLE_EXPORT_CSV;
    }
    return LogKind.CSV;
  }

  /**
   * The one column named by a header line without a comma, tab or semicolon ({@code CommandLine},
   * {@code "ProcessCommandLine"}), or {@code null} when the line has a delimiter or is blank.
   */
  public static String singleColumn(String headerLine) {
    String t = headerLine.replace("\uFEFF", "").strip();
    if (t.isEmpty() || t.indexOf(',') >= 0 || t.indexOf('\t') >= 0 || t.indexOf(';') >= 0) {
      return null;
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).replace("\"\"", "\"").strip();
    }
    t = HEADER_SUFFIX.matcher(t).replaceAll("");
    return t.isEmpty() ? null : t;
  }

  /**
   * The delimiter of a header line: the most frequent of comma, tab and semicolon outside quotes.
   */
  public static char delimiterOf(String headerLine) {
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
}
