package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;

/**
 * A log file in the test pane. Small logs keep their events in memory ({@code cached}); large ones
 * are read again from the file on each run, so memory holds only the rows on screen and the hits.
 *
 * @param path the file
 * @param format the format it was read as
 * @param events how many events it holds
 * @param cached its events, or {@code null} when it is too large to keep
 * @param problems records that could not be read
 * @param options the format and column mapping the user chose (or automatic)
 * @param columns the field names of its first event, for the column mapping dialog
 */
record LoadedLog(
    Path path,
    String format,
    long events,
    List<Event> cached,
    List<LogProblem> problems,
    ReadOptions options,
    List<String> columns) {
  String name() {
    return path.getFileName().toString();
  }
}
