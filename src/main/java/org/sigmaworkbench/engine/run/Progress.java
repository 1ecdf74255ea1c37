package org.sigmaworkbench.engine.run;

import java.nio.file.Path;

/**
 * How far a run is.
 *
 * @param file the log being read
 * @param events events read so far, over every log
 * @param bytesRead bytes read so far, over every file read (not the logs given as events)
 * @param totalBytes the size of every file to read
 */
public record Progress(Path file, long events, long bytesRead, long totalBytes) {

  /** The part done, 0 to 1 (0 when there is nothing to read). */
  public double fraction() {
    return totalBytes <= 0 ? 0 : Math.min(1.0, bytesRead / (double) totalBytes);
  }
}
