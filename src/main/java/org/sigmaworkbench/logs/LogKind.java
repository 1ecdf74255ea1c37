package org.sigmaworkbench.logs;

import java.util.Arrays;
import java.util.List;

/**
 * The log formats the readers know, finer than {@link LogFormat}: which tool wrote the file, as far
 * as the content tells. Detected from the content ({@link
 * org.sigmaworkbench.logs.detect.LogReaders#detectKind}); the user may choose another one ({@link
 * ReadOptions}). {@link #title()} is what the UI shows.
 */
public enum LogKind {
  EVTX(LogFormat.EVTX, "Windows .evtx"),
  EVENT_XML(
      LogFormat.XML,
      "Event XML (wevtutil, Get-WinEvent ToXml(), Event Viewer \"Save as XML\", evtx_dump -o xml)"),
  CSV(LogFormat.CSV, "CSV with Sigma field names"),
  TABLE_EXPORT_CSV(
      LogFormat.CSV, "Sentinel / Log Analytics / Defender CSV export (columns of a KQL table)"),
  LOG_ANALYTICS_EVENT_CSV(
      LogFormat.CSV,
      "Sentinel / Log Analytics CSV export with an EventData column (Event, WindowsEvent)"),
  EVTXECMD_CSV(LogFormat.CSV, "EvtxECmd CSV"),
  EVENT_VIEWER_CSV(LogFormat.CSV, "Event Viewer CSV (fields from the message text)"),
  EVENT_VIEWER_TEXT(
      LogFormat.CSV, "Event Viewer tab-separated text (fields from the message text)"),
  POWERSHELL_CSV(LogFormat.CSV, "Get-WinEvent | Export-Csv (fields from the message text)"),
  HAYABUSA_CSV(LogFormat.CSV, "Hayabusa CSV timeline"),
  CHAINSAW_CSV(LogFormat.CSV, "Chainsaw hunt CSV"),
  JSON(LogFormat.JSON, "JSON with flat field names (NXLog, OTRF, Winlogbeat raw, ...)"),
  EVTX_DUMP_JSON(
      LogFormat.JSON, "evtx_dump / Chainsaw search JSON (Event.System, Event.EventData)"),
  WINLOGBEAT_JSON(LogFormat.JSON, "Winlogbeat ECS JSON"),
  EVTXECMD_JSON(LogFormat.JSON, "EvtxECmd JSON"),
  HAYABUSA_JSON(LogFormat.JSON, "Hayabusa JSON timeline"),
  CHAINSAW_JSON(LogFormat.JSON, "Chainsaw hunt JSON");

  private final LogFormat format;
  private final String title;

  LogKind(LogFormat format, String title) {
    this.format = format;
    this.title = title;
  }

  /** The reader family: CSV, XML, JSON or EVTX. */
  public LogFormat format() {
    return format;
  }

  /** A name for people, as a menu shows it. */
  public String title() {
    return title;
  }

  /** Every kind, in the order a menu offers them. */
  public static List<LogKind> menu() {
    return Arrays.asList(values());
  }

  /** The kinds of one reader family. */
  public static List<LogKind> of(LogFormat format) {
    return Arrays.stream(values()).filter(k -> k.format == format).toList();
  }
}
