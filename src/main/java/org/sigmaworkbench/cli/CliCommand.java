package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * A command of {@link SigmaCli}. Its options are picocli-annotated fields, declared once: picocli
 * parses them, converts their values and writes the help and the usage errors from them. The
 * attributes here are every command's (picocli reads a superclass's {@code @Command} before the
 * command's own): the help and version switches, and the options listed in the order declared.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = SigmaCli.Version.class,
    sortOptions = false)
abstract class CliCommand {

  /** A command line whose options do not fit together: the message says why, in one line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Checks the options against each other once they are parsed (each one alone is checked by its
   * converter); a mismatch is a usage error.
   */
  void validate() throws UsageException {}

  /** Runs the command; returns the exit code. */
  abstract int call(PrintWriter out, PrintWriter err) throws Exception;
}
