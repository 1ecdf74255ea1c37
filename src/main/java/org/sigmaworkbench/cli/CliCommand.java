package org.sigmaworkbench.cli;

import java.io.PrintWriter;

/** A command of {@link SigmaCli}: its options, and what it does with them. */
interface CliCommand {

  /** The command's name, options, parameters and help. */
  CommandSpec spec();

  /** Takes the parsed arguments; a value that does not fit is a usage error. */
  void set(CommandSpec.Parsed parsed) throws CommandSpec.UsageException;

  /** Runs the command; returns the exit code. */
  int call(PrintWriter out, PrintWriter err) throws Exception;
}
