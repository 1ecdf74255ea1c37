package org.sigmaworkbench.authoring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Tests kept with a rule in SigmaHQ's regression-data layout: {@code regression_data/<rule
 * folder>/<rule file name>/info.yml} beside the logs, where {@code info.yml} names the rule ({@code
 * rule_metadata[].id}) and each log with the hits it should give ({@code regression_tests_info[]}:
 * {@code name}, {@code type}, {@code provider}, {@code match_count}, {@code path} relative to the
 * folder that holds {@code regression_data}).
 */
public final class RegressionData {
  private RegressionData() {}

  /**
   * One log of a test.
   *
   * @param name the test's name ("Positive Detection Test")
   * @param type the log's type as written ({@code evtx}, {@code json}, ...)
   * @param provider the event provider as written, or {@code null}
   * @param matchCount the hits the rule should give on it, or {@code null} for "at least one"
   * @param path the path as written in info.yml
   * @param file where the log is, resolved; {@code null} when it cannot be found
   */
  public record LogTest(
      String name, String type, String provider, Integer matchCount, String path, Path file) {}

  /**
   * One {@code info.yml}.
   *
   * @param file the info.yml
   * @param ruleIds the ids of {@code rule_metadata}
   * @param tests the logs with their expected hits
   * @param problem why the file could not be read, or {@code null}
   */
  public record Info(Path file, List<String> ruleIds, List<LogTest> tests, String problem) {
    public Info {
      ruleIds = List.copyOf(ruleIds);
      tests = List.copyOf(tests);
    }
  }

  /** Every info.yml under {@code dir} (a repository root or its regression_data), by path. */
  public static List<Info> scan(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().equals("info.yml"))
              .sorted(Comparator.naturalOrder())
              .toList();
    }
    List<Info> out = new ArrayList<>();
    for (Path f : files) {
      out.add(read(f, dir));
    }
    return out;
  }

  /** Reads one info.yml; {@code root} is where relative log paths are tried first. */
  public static Info read(Path infoFile, Path root) {
    Object doc;
    try (Reader r = Files.newBufferedReader(infoFile, StandardCharsets.UTF_8)) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (IOException | RuntimeException e) {
      return new Info(infoFile, List.of(), List.of(), "cannot read: " + e.getMessage());
    }
    if (!(doc instanceof Map<?, ?> m)) {
      return new Info(infoFile, List.of(), List.of(), "not a map of rule_metadata and tests");
    }
    List<String> ids = new ArrayList<>();
    if (m.get("rule_metadata") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> rm && rm.get("id") != null) {
          ids.add(String.valueOf(rm.get("id")));
        }
      }
    }
    List<LogTest> tests = new ArrayList<>();
    if (m.get("regression_tests_info") instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof Map<?, ?> t) || t.get("path") == null) {
          continue;
        }
        String path = String.valueOf(t.get("path"));
        Integer count = t.get("match_count") instanceof Number n ? n.intValue() : null;
        tests.add(
            new LogTest(
                t.get("name") == null ? "" : String.valueOf(t.get("name")),
                t.get("type") == null ? "" : String.valueOf(t.get("type")),
                t.get("provider") == null ? null : String.valueOf(t.get("provider")),
                count,
                path,
                resolve(infoFile, root, path)));
      }
    }
    String problem =
        ids.isEmpty() ? "no rule_metadata id" : tests.isEmpty() ? "no regression_tests_info" : null;
    return new Info(infoFile, ids, tests, problem);
  }

  /**
   * A log path of info.yml: relative to the root that holds {@code regression_data} (the given
   * folder or one above it, or above the info.yml), else the file of that name beside info.yml.
   */
  static Path resolve(Path infoFile, Path root, String path) {
    Path rel;
    try {
      rel = Path.of(path);
    } catch (RuntimeException e) {
      return null;
    }
    for (Path base = root.toAbsolutePath(); base != null; base = base.getParent()) {
      if (Files.isRegularFile(base.resolve(rel))) {
        return base.resolve(rel);
      }
    }
    for (Path base = infoFile.toAbsolutePath().getParent(); base != null; base = base.getParent()) {
      if (Files.isRegularFile(base.resolve(rel))) {
        return base.resolve(rel);
      }
    }
    Path beside = infoFile.resolveSibling(rel.getFileName());
    return Files.isRegularFile(beside) ? beside : null;
  }
}
