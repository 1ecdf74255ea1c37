package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files dropped on the window, sorted: Sigma rules ({@code .yml}, {@code .yaml}) open in tabs,
 * everything else goes to the test pane as a log.
 */
record Dropped(List<Path> rules, List<Path> logs) {

  static boolean isRule(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  static Dropped split(List<Path> files) {
    List<Path> rules = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (Path f : files) {
      (isRule(f) ? rules : logs).add(f);
    }
    return new Dropped(List.copyOf(rules), List.copyOf(logs));
  }
}
