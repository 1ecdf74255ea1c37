package org.sigmaworkbench.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A command over rules: the files and folders named after its options. */
abstract class RulesCommand extends CliCommand {

  @Parameters(arity = "1..*", paramLabel = "RULE_OR_DIR", description = "Rule files or folders.")
  List<Path> inputs;
}
