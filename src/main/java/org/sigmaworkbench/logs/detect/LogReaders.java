package org.sigmaworkbench.logs.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.Layouts;
import org.sigmaworkbench.logs.LogFormat;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.ReadAheadStream;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.csv.CsvEventReader;
import org.sigmaworkbench.logs.evtx.EvtxEventReader;
import org.sigmaworkbench.logs.evtx.WindowsLayouts;
import org.sigmaworkbench.logs.json.JsonEventReader;
import org.sigmaworkbench.logs.xml.XmlEventReader;
import org.sigmaworkbench.mapping.WindowsLogsources;

/**
 * Detects a log's format from its content (never its name) and opens the matching reader; or opens
 * it as the format and with the column mapping the user chose ({@link ReadOptions}).
 */
public final class LogReaders {

  private LogReaders() {}

  /** The format family of a file, judged from its content. */
  public static LogFormat detect(Path file) throws IOException, LogFormatException {
    return detectKind(file).format();
  }

  /**
   * The precise format of a file (which tool wrote it, as far as the content tells), judged from
   * its first bytes.
   */
  public static LogKind detectKind(Path file) throws IOException, LogFormatException {
    return FormatDetector.detect(file);
  }

  /** The formats a user can choose from, in menu order. */
  public static List<LogKind> kinds() {
    return LogKind.menu();
  }

  /**
   * Loads the table every Windows event is looked up in, the Windows logsources. Reading loads it
   * when it first needs it; a caller that will read logs can call this on another thread while it
   * does other work, so that the first events do not wait for it. (The layouts that come from KQL
   * tables, such as Security 4688's, are loaded when the first event of theirs is built.)
   */
  public static void prepare() {
    WindowsLogsources.builtIn();
  }

  /** Opens a log with the reader its content calls for. */
  public static EventStream open(Path file) throws IOException, LogFormatException {
    return open(file, ReadOptions.AUTO);
  }

  /**
   * Opens a log as the user chose: as {@code options.kind()} (detected from the content when null),
   * with {@code options.columnToSigma()} on top of the columns the format maps.
   */
  public static EventStream open(Path file, ReadOptions options)
      throws IOException, LogFormatException {
    LogKind kind = options.kind() != null ? options.kind() : detectKind(file);
    return switch (kind.format()) {
      case CSV -> ReadAheadStream.of(new CsvEventReader(file, options), file);
      case XML -> ReadAheadStream.of(new XmlEventReader(file, options), file);
      case JSON -> ReadAheadStream.of(new JsonEventReader(file, options, kind), file);
      case EVTX ->
          new EvtxEventReader(
              file,
              evtxLayouts(options),
              Runtime.getRuntime().availableProcessors(),
              options.filter(),
              options.buildFirst());
    };
  }

  /** Opens a log as the given format family (the tool that wrote it is detected). */
  public static EventStream open(Path file, LogFormat format)
      throws IOException, LogFormatException {
    return switch (format) {
      case CSV -> new CsvEventReader(file);
      case XML -> new XmlEventReader(file);
      case JSON -> new JsonEventReader(file);
      case EVTX -> new EvtxEventReader(file, Layouts::forWindowsEvent);
    };
  }

  /**
   * The layouts of .evtx events: as event XML gets them, with the user's column mapping on top. The
   * mapped layout is made once per underlying layout, so the decoder can reuse its schemas.
   */
  private static WindowsLayouts evtxLayouts(ReadOptions options) {
    if (options.columnToSigma().isEmpty()) {
      return Layouts::forWindowsEvent;
    }
    Map<FieldLayout, FieldLayout> mapped = Collections.synchronizedMap(new IdentityHashMap<>());
    return (channel, provider, eventId) ->
        mapped.computeIfAbsent(
            Layouts.forWindowsEvent(channel, provider, eventId),
            l -> l.withColumns(options.columnToSigma()));
  }
}
