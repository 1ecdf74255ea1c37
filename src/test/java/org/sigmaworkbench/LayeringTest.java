package org.sigmaworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shape of ARCHITECTURE.md: a core without JavaFX, faces on top, no cycles. {@link #MAY_USE}
 * states, for every package of ours, every other package of ours it may use; a package missing from
 * it fails the build, so a new package has to be placed here (and in ARCHITECTURE.md).
 *
 * <p>At the bottom {@code yaml} (the one YAML front-end) and {@code rule} (the model) use nothing
 * of ours. {@code rule.yaml} loads rules, {@code rule.lint} lints them. {@code mapping} holds what
 * both the KQL writer and the log readers read: target tables and field mappings, the logsource of
 * a Windows event, the reach of a query. {@code kql} writes queries, {@code export} detection
 * files. Inside {@code logs}: the core (events, layouts, options), the readers {@code logs.csv},
 * {@code logs.json}, {@code logs.xml}, {@code logs.evtx} on it, and {@code logs.detect} (format
 * detection, the choice of reader) on top of them. {@code rule.attack} (ATT&CK data) stands alone
 * and {@code rule.lint} reads it. {@code engine} matches; {@code authoring} (writing help) sits on
 * the core and under the faces; {@code cli} and {@code app} are the faces.
 */
class LayeringTest {

  private static final String ROOT = "org.sigmaworkbench";

  private static final List<String> READERS =
      List.of("logs.csv", "logs.json", "logs.xml", "logs.evtx");

  /** Package (relative to {@code org.sigmaworkbench}) to the packages of ours it may use. */
  private static final Map<String, Set<String>> MAY_USE = mayUse();

  private static Map<String, Set<String>> mayUse() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("threads", Set.of());
    m.put("yaml", Set.of());
    m.put("rule", Set.of());
    m.put("rule.yaml", Set.of("rule", "yaml"));
    m.put("rule.attack", Set.of());
    m.put("rule.lint", Set.of("rule", "rule.yaml", "rule.attack"));
    m.put("mapping", Set.of("rule", "yaml"));
    m.put("kql", Set.of("rule", "mapping"));
    m.put("export", Set.of("rule", "mapping", "kql", "yaml"));
    m.put("logs", Set.of("rule", "mapping", "yaml", "threads"));
    m.put("logs.csv", Set.of("logs", "logs.json", "mapping", "yaml"));
    m.put("logs.json", Set.of("logs", "mapping", "yaml"));
    m.put("logs.xml", Set.of("logs", "mapping", "yaml"));
    m.put("logs.evtx", Set.of("logs", "mapping", "yaml", "threads"));
    Set<String> detect = new TreeSet<>(READERS);
    detect.addAll(List.of("logs", "mapping", "yaml"));
    m.put("logs.detect", detect);
    m.put("engine", Set.of("rule", "mapping", "logs", "logs.detect"));
    m.put("engine.run", Set.of("rule", "mapping", "logs", "logs.detect", "engine", "threads"));
    m.put("analysis", Set.of("rule", "rule.yaml", "rule.lint", "yaml", "mapping", "kql", "engine"));
    m.put(
        "authoring",
        Set.of(
            "rule",
            "rule.yaml",
            "rule.attack",
            "rule.lint",
            "mapping",
            "kql",
            "logs",
            "engine",
            "engine.run",
            "logs.detect",
            "yaml"));
    m.put(
        "workspace", Set.of("rule", "rule.yaml", "mapping", "kql", "logs", "logs.json", "engine"));
    Set<String> cli = new TreeSet<>(m.keySet());
    m.put("cli", cli);
    Set<String> app = new TreeSet<>(m.keySet());
    m.put("app", app);
    m.put("", Set.of("cli", "app"));
    return m;
  }

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  private static String qualified(String pkg) {
    return pkg.isEmpty() ? ROOT : ROOT + "." + pkg;
  }

  @Test
  void onlyTheCliUsesTheOptionParser() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.sigmaworkbench.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheWorkspacePackageTouchesTheAzureLibraries() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.sigmaworkbench.workspace..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.azure..", "reactor..")
        .check(CLASSES);
  }

  @Test
  void everyPackageIsPlaced() {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      String p = c.getPackageName();
      packages.add(p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1));
    }
    assertThat(MAY_USE.keySet()).containsAll(packages);
  }

  @Test
  void eachPackageUsesOnlyWhatItMay() {
    for (Map.Entry<String, Set<String>> e : MAY_USE.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : MAY_USE.keySet()) {
        if (!other.equals(e.getKey()) && !e.getValue().contains(other)) {
          forbidden.add(qualified(other));
        }
      }
      if (forbidden.isEmpty()) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage(qualified(e.getKey()))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden.toArray(String[]::new))
          .as(qualified(e.getKey()) + " uses only " + e.getValue())
          .check(CLASSES);
    }
  }

  @Test
  void theStatedDependenciesHaveNoCycle() {
    // Depth-first over the table itself: a cycle there would allow one in the code.
    Map<String, Integer> state = new HashMap<>();
    for (String p : MAY_USE.keySet()) {
      assertThat(cycleFrom(p, state, new ArrayList<>())).as("a cycle through " + p).isNull();
    }
  }

  private static List<String> cycleFrom(String p, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(p);
    if (s != null && s == 2) {
      return null;
    }
    path.add(p);
    if (s != null && s == 1) {
      return path;
    }
    state.put(p, 1);
    for (String next : MAY_USE.getOrDefault(p, Set.of())) {
      List<String> c = cycleFrom(next, state, path);
      if (c != null) {
        return c;
      }
    }
    state.put(p, 2);
    path.remove(path.size() - 1);
    return null;
  }

  @Test
  void onlyTheAppImportsJavaFx() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.sigmaworkbench.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.fxmisc..", "org.reactfx..")
        .check(CLASSES);
  }

  @Test
  void noCyclesBetweenTopLevelPackages() {
    slices().matching("org.sigmaworkbench.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void noCyclesBetweenAnyPackages() {
    slices().matching("org.sigmaworkbench.(**)").should().beFreeOfCycles().check(CLASSES);
  }
}
