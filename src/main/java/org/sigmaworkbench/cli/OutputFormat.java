package org.sigmaworkbench.cli;

import java.util.List;

/** How a command prints its results. */
public enum OutputFormat {
  text,
  jsonl;

  /** The names, for the command line. */
  static final List<String> NAMES = List.of("text", "jsonl");
}
