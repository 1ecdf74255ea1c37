package org.sigmaworkbench.cli;

import org.sigmaworkbench.kql.KqlOptions;
import picocli.CommandLine.Option;

/**
 * {@code --unmapped fail|keep}: what the KQL writer does with a field the target does not map. A
 * mixin of the commands that write KQL.
 */
final class UnmappedOption {

  enum Choice {
    fail,
    keep
  }

  @Option(
      names = "--unmapped",
      paramLabel = "UNMAPPED",
      defaultValue = "fail",
      description =
          "fail: an unmapped field is an error; keep: write it under its Sigma name (default:"
              + " ${DEFAULT-VALUE}).")
  Choice choice;

  /** The writer's options for this choice. */
  KqlOptions kqlOptions() {
    return new KqlOptions(choice == Choice.keep);
  }
}
