package org.sigmaworkbench.cli;

import picocli.CommandLine.Option;

/** {@code --format text|jsonl}: how a command prints what it found. A mixin of the commands. */
final class FormatOption {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or jsonl (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  /** Plain text for people. */
  boolean text() {
    return format == OutputFormat.text;
  }

  /** One JSON object a line. */
  boolean jsonl() {
    return format == OutputFormat.jsonl;
  }
}
