package org.sigmaworkbench.cli;

/** How a command prints its results. */
public enum OutputFormat {
  text,
  jsonl
}
