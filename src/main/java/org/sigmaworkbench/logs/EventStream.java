package org.sigmaworkbench.logs;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Events read one by one from a log, with the problems met on the way. */
public interface EventStream extends Closeable {

  /** The next event, or {@code null} at the end. Bad records are skipped and reported. */
  Event next() throws IOException;

  /** Problems met so far. */
  List<LogProblem> problems();

  /** The format being read, for display. */
  String formatName();

  /** A format's name for display, saying so when the user's column mapping is applied. */
  static String formatName(String name, boolean userMapping) {
    return userMapping ? name + ", with your column mapping" : name;
  }

  /** Bytes consumed so far, for progress. */
  long bytesRead();

  /**
   * Records read so far but not returned by {@link #next()} because they hold nothing the read
   * options' {@link TextFilter} wants; they are events all the same. Zero without a filter.
   */
  default long passedOver() {
    return 0;
  }
}
