package org.sigmaworkbench.cli;

/** How a command prints its results. */
public enum OutputFormat {
  text,
  jsonl;

  /** The names, for the command line. */
  static final java.util.List<String> NAMES = java.util.List.of("text", "jsonl");
}
