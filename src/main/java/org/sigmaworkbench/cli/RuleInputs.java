package org.sigmaworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Rule files named on the command line: files as given, folders walked for {@code .yml}/{@code
 * .yaml}.
 */
final class RuleInputs {
  private RuleInputs() {}

  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".yml") || n.endsWith(".yaml");
                  })
              .sorted()
              .forEach(out::add);
        }
      } else if (Files.exists(p)) {
        out.add(p);
      } else {
        throw new IOException(p + ": no such file or folder");
      }
    }
    return out;
  }

  /**
   * One document of an input file, or the file alone (document {@code null}) when it holds none.
   *
   * @param index the document's place in its file, from 0
   */
  record Item(Path path, RuleFile file, RuleDocument document, int index) {

    /**
     * Why the file gives nothing to work on: its first error, or that it holds no rule; else null.
     */
    String unusable() {
      String fileError = RuleProblem.firstError(file.fileProblems());
      return fileError == null && document == null ? "no rule in the file" : fileError;
    }
  }

  /**
   * The documents of the inputs in input order, and the detection rules by name and by id, which
   * correlation rules name.
   */
  record Loaded(List<Item> items, Map<String, SigmaRule> byReference) {}

  /** Reads and normalizes the input files in parallel; the documents keep input order. */
  static Loaded load(List<Path> inputs, Placeholders table) throws IOException {
    List<Path> paths = expand(inputs);
    RuleLoader loader = new RuleLoader(table);
    List<RuleFile> files = paths.parallelStream().map(loader::load).toList();
    List<Item> items = new ArrayList<>();
    Map<String, SigmaRule> byReference = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      RuleFile file = files.get(i);
      if (file.documents().isEmpty()) {
        items.add(new Item(paths.get(i), file, null, 0));
      }
      int index = 0;
      for (RuleDocument d : file.documents()) {
        items.add(new Item(paths.get(i), file, d, index++));
        if (d instanceof SigmaRule r) {
          if (r.meta().name() != null) {
            byReference.putIfAbsent(r.meta().name(), r);
          }
          if (r.id() != null) {
            byReference.putIfAbsent(r.id(), r);
          }
        }
      }
    }
    return new Loaded(items, byReference);
  }
}
