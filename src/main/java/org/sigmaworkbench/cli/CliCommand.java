package org.sigmaworkbench.cli;

import java.io.PrintWriter;

/**
 * A command of {@link SigmaCli}. Its options are picocli-annotated fields, declared once: picocli
 * parses them, converts their values and writes the help and the usage errors from them.
 */
interface CliCommand {

  /** A command line whose options do not fit together: the message says why, in one line. */
  final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Checks the options against each other once they are parsed (each one alone is checked by its
   * converter); a mismatch is a usage error.
   */
  default void validate() throws UsageException {}

  /** Runs the command; returns the exit code. */
  int call(PrintWriter out, PrintWriter err) throws Exception;
}
