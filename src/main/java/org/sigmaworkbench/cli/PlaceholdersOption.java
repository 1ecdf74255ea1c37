package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.PlaceholderFile;
import picocli.CommandLine.Option;

/**
 * {@code --placeholders FILE} and {@code --placeholder NAME=VALUE}: the values '|expand' puts in
 * place of %placeholders%. A mixin of the commands that load rules.
 */
final class PlaceholdersOption {

  @Option(
      names = "--placeholders",
      paramLabel = "FILE",
      description =
          "YAML file of placeholder values for the 'expand' modifier (name: [values]); without"
              + " it the standard placeholders have no values and match nothing.")
  Path file;

  @Option(
      names = "--placeholder",
      paramLabel = "NAME=VALUE",
      description =
          "A value of a %%NAME%% placeholder (expand modifier); repeat for more values of the"
              + " same name. Replaces that placeholder's values from --placeholders.")
  List<String> values = new ArrayList<>();

  /** The table to use, or {@code null} after printing why it cannot be used. */
  Placeholders load(PrintWriter err) {
    Placeholders table = fromFile(err);
    if (table == null) {
      return null;
    }
    Map<String, List<String>> given = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        err.println("error: --placeholder takes NAME=VALUE, not '" + v + "'");
        return null;
      }
      given.computeIfAbsent(v.substring(0, eq), k -> new ArrayList<>()).add(v.substring(eq + 1));
    }
    for (Map.Entry<String, List<String>> e : given.entrySet()) {
      table = table.with(e.getKey(), e.getValue());
    }
    return table;
  }

  private Placeholders fromFile(PrintWriter err) {
    if (file == null) {
      return Placeholders.standard();
    }
    PlaceholderFile.Loaded loaded = PlaceholderFile.read(file);
    for (RuleProblem p : loaded.problems()) {
      err.println(CheckCommand.located(file, p));
    }
    return loaded.hasErrors() ? null : loaded.table();
  }
}
