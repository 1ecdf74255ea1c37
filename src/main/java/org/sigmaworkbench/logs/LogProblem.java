package org.sigmaworkbench.logs;

/**
 * Something in a log that could not be read as an event. Reading goes on after it where the format
 * allows.
 *
 * @param file the log file
 * @param where a place people can find: {@code line 12, column 5}, {@code byte offset 0x10200}
 * @param message what was wrong and what was expected
 * @param fatal true when reading stopped here
 */
public record LogProblem(String file, String where, String message, boolean fatal) {
  public String describe() {
    return file + (where.isEmpty() ? "" : " (" + where + ")") + ": " + message;
  }
}
