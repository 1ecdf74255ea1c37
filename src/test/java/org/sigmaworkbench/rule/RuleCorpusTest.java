package org.sigmaworkbench.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.rule.lint.Linter;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The SigmaHQ corpus: every rule of the six main folders loads without an error, each file of
 * {@code unsupported} loads or gets errors with positions, and lint runs over all of it.
 */
class RuleCorpusTest {

  static final List<String> FOLDERS =
      List.of(
          "rules",
          "rules-emerging-threats",
          "rules-threat-hunting",
          "rules-placeholder",
          "rules-compliance",
          "deprecated");

  /** Checks SigmaHQ's own validation enforces, so the main folder must not trip them. */
  static final List<String> SILENT_ON_SIGMAHQ =
      List.of(
          "lint.id-missing",
          "lint.id-duplicate",
          "lint.title-length",
          "lint.title-style",
          "lint.title-case",
          "lint.status-missing",
          "lint.status-value",
          "lint.level-missing",
          "lint.level-value",
          "lint.description-missing",
          "lint.author-missing",
          "lint.date-missing",
          "lint.date-order",
          "lint.modified-without-date",
          "lint.tag-format",
          "lint.tag-namespace",
          "lint.tag-duplicate",
          "lint.detection-tag",
          "lint.unused-identifier",
          "lint.all-of-them",
          "lint.of-them-single",
          "lint.all-single-value",
          "lint.all-without-contains",
          "lint.windash-all",
          "lint.base64offset-without-contains",
          "lint.duplicate-value",
          "lint.double-wildcard",
          "lint.control-character",
          "lint.wildcard-instead-of-modifier",
          "lint.custom-field",
          "lint.falsepositives",
          "lint.logsource-field",
          "lint.space-in-field",
          "lint.hash-value");

  private static final RuleLoader LOADER = new RuleLoader();
  private static Path root;
  private static List<RuleFile> mainFiles;

  @BeforeAll
  static void loadTheSixFolders() throws IOException {
    root = TestFiles.corpus("sigma-rules");
    List<Path> paths = new ArrayList<>();
    for (String folder : FOLDERS) {
      paths.addAll(yamlFiles(root.resolve(folder)));
    }
    mainFiles = paths.parallelStream().map(LOADER::load).toList();
  }

  static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyRuleOfTheSixFoldersLoadsWithoutErrors() {
    assertThat(mainFiles).hasSize(3952);
    Map<String, String> failures = new TreeMap<>();
    for (RuleFile f : mainFiles) {
      f.problems().stream()
          .filter(RuleProblem::isError)
          .findFirst()
          .ifPresent(p -> failures.put(f.source(), p.describe()));
    }
    assertThat(failures).isEmpty();
    assertThat(mainFiles).allMatch(f -> f.rules().size() == 1 && f.rules().get(0).isUsable());
  }

  @Test
  void unsupportedFilesLoadOrHaveErrorsWithPositions() throws IOException {
    List<Path> files = yamlFiles(root.resolve("unsupported"));
    assertThat(files).hasSize(87);
    for (Path p : files) {
      RuleFile f = LOADER.load(p);
      for (RuleProblem e : f.problems()) {
        if (e.isError()) {
          assertThat(e.line()).as(p + ": " + e.describe()).isPositive();
          assertThat(e.column()).as(p + ": " + e.describe()).isPositive();
          assertThat(e.message()).isNotBlank();
        }
      }
    }
  }

  @Test
  void theUnsupportedFilesThatLoadAreTheListedOnes() throws IOException {
    Path dir = root.resolve("unsupported");
    Set<String> loading = new TreeSet<>();
    for (Path p : yamlFiles(dir)) {
      if (!LOADER.load(p).hasErrors()) {
        loading.add(dir.relativize(p).toString().replace('\\', '/'));
      }
    }
    assertThat(loading).containsExactlyInAnyOrderElementsOf(expectedLoading());
  }

  @Test
  void sigma1CollectionsInUnsupportedGetExactlyOneError() {
    for (String name :
        List.of(
            "windows/sysmon_process_reimaging.yml",
            "windows/win_apt_apt29_tor.yml",
            "windows/win_remote_service.yml")) {
      RuleFile f = LOADER.load(root.resolve("unsupported").resolve(name));
      assertThat(f.problems()).as(name).hasSize(1);
      assertThat(f.problems().get(0).code()).isEqualTo("rule.collection");
      assertThat(f.problems().get(0).line()).isEqualTo(1);
    }
  }

  private static List<String> expectedLoading() throws IOException {
    try (InputStream in = RuleCorpusTest.class.getResourceAsStream("unsupported-loading.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  @Test
  void lintRunsOverTheCorpusWithPositionedRegisteredWarnings() {
    RuleCollection all = RuleCollection.of(mainFiles);
    Linter linter = new Linter();
    Map<String, List<String>> silentButFired = new TreeMap<>();
    int warnings = 0;
    for (RuleFile f : mainFiles) {
      for (RuleProblem p : linter.lint(f, all)) {
        warnings++;
        assertThat(p.isError()).isFalse();
        assertThat(Linter.isCheck(p.code())).as(p.code()).isTrue();
        if (!p.code().startsWith("lint.filename")) {
          assertThat(p.line()).as(f.source() + " " + p.describe()).isPositive();
        }
        boolean main = f.source().contains("/rules/") || f.source().contains("\\rules\\");
        if (main && SILENT_ON_SIGMAHQ.contains(p.code())) {
          silentButFired
              .computeIfAbsent(p.code(), k -> new ArrayList<>())
              .add(f.source() + ":" + p.describe());
        }
      }
    }
    assertThat(silentButFired).isEmpty();
    assertThat(warnings).isPositive();
  }
}
