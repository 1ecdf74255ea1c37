package org.sigmaworkbench.logs;

/** A file that cannot be read as a log at all; the message says why and what was expected. */
public class LogFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public LogFormatException(String message) {
    super(message);
  }
}
