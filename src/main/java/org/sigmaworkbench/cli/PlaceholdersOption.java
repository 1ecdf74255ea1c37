package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.sigmaworkbench.rule.PlaceholderFile;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleProblem;
import picocli.CommandLine.Option;

/** {@code --placeholders FILE}: the values '|expand' puts in place of %placeholders%. */
final class PlaceholdersOption {

  @Option(
      names = "--placeholders",
      paramLabel = "FILE",
      description =
          "YAML file of placeholder values for the 'expand' modifier (name: [values]); without"
              + " it the standard placeholders have no values and match nothing.")
  Path file;

  /** The table to use, or {@code null} after printing why the file cannot be used. */
  Placeholders load(PrintWriter err) {
    if (file == null) {
      return Placeholders.standard();
    }
    PlaceholderFile.Loaded loaded = PlaceholderFile.read(file);
    for (RuleProblem p : loaded.problems()) {
      err.println(
          file
              + ":"
              + (p.line() > 0 ? p.line() + ":" + p.column() + ": " : " ")
              + p.severity().label()
              + ": "
              + p.message());
    }
    return loaded.hasErrors() ? null : loaded.table();
  }
}
