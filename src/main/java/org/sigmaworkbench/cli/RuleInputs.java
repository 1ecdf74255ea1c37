package org.sigmaworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
}
