package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogProblem;

/** A log file read into the test pane. */
record LoadedLog(Path path, String format, List<Event> events, List<LogProblem> problems) {
  String name() {
    return path.getFileName().toString();
  }
}
