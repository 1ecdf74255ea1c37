package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sigmaworkbench.logs.evtx.EvtxEventReader;

/** Detects a log's format from its content (never its name) and opens the matching reader. */
public final class LogReaders {

  private static final byte[] EVTX_MAGIC =
      "ElfFile\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private LogReaders() {}

  /** The format of a file, judged from its first bytes. */
  public static LogFormat detect(Path file) throws IOException, LogFormatException {
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
      byte[] magic = in.readNBytes(8);
      if (java.util.Arrays.equals(magic, EVTX_MAGIC)) {
        return LogFormat.EVTX;
      }
    }
    String head = TextInput.head(file, 8192);
    String t = head.stripLeading();
    if (t.isEmpty()) {
      throw new LogFormatException(file.getFileName() + ": the file holds only blank space");
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
          file.getFileName()
              + ": this is binary data, not a log this tool reads; expected event XML, JSON lines,"
              + " a CSV export or a .evtx file");
    }
    char first = t.charAt(0);
    if (first == '<') {
      return LogFormat.XML;
    }
    if (first == '{' || first == '[') {
      return LogFormat.JSON;
    }
    if (t.toLowerCase(Locale.ROOT).startsWith("record ") && t.contains("{")) {
      return LogFormat.JSON;
    }
    String firstLine = t.lines().findFirst().orElse("");
    if (firstLine.startsWith("#TYPE")) {
      return LogFormat.CSV;
    }
    if (firstLine.indexOf(',') >= 0
        || firstLine.indexOf('\t') >= 0
        || firstLine.indexOf(';') >= 0) {
      return LogFormat.CSV;
    }
    throw new LogFormatException(
        file.getFileName()
            + ": not a log this tool reads; expected event XML (starts with '<'), JSON (starts"
            + " with '{' or '['), a CSV or tab-separated export with a header row, or a .evtx file."
            + " The first line is: '"
            + (firstLine.length() > 60 ? firstLine.substring(0, 60) + "..." : firstLine)
            + "'");
  }

  /** Opens a log with the reader its content calls for. */
  public static EventStream open(Path file) throws IOException, LogFormatException {
    return open(file, detect(file));
  }

  /** Opens a log as the given format. */
  public static EventStream open(Path file, LogFormat format)
      throws IOException, LogFormatException {
    return switch (format) {
      case CSV -> new CsvEventReader(file);
      case XML -> new XmlEventReader(file);
      case JSON -> new JsonEventReader(file);
      case EVTX -> new EvtxEventReader(file, Layouts::forWindowsEvent);
    };
  }
}
