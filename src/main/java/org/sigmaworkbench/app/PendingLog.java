package org.sigmaworkbench.app;

import java.nio.file.Path;
import org.sigmaworkbench.logs.ReadOptions;

/** A log the user asked for that a run has not read yet, with how to read it. */
record PendingLog(Path path, ReadOptions options) {
  static PendingLog auto(Path path) {
    return new PendingLog(path, ReadOptions.AUTO);
  }
}
