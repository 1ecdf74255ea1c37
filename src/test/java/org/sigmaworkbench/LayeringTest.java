package org.sigmaworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of ARCHITECTURE.md: a core without JavaFX, faces on top, no cycles. Inside {@code
 * rule}: the model, then {@code rule.yaml} (loading), then {@code rule.lint}. Inside {@code logs}:
 * the core (events, layouts, options), the readers {@code logs.csv}, {@code logs.json}, {@code
 * logs.xml}, {@code logs.evtx} on it, and {@code logs.detect} (format detection, the choice of
 * reader) on top of them. {@code rule.attack} (ATT&CK data) stands alone and {@code rule.lint}
 * reads it. {@code authoring} (writing help) sits on the core and under the faces.
 */
class LayeringTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sigmaworkbench");

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
  void ruleDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.rule..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.kql..",
            "org.sigmaworkbench.logs..",
            "org.sigmaworkbench.engine..",
            "org.sigmaworkbench.app..",
            "org.sigmaworkbench.cli..")
        .check(CLASSES);
  }

  @Test
  void kqlUsesOnlyRule() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.kql..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs..",
            "org.sigmaworkbench.engine..",
            "org.sigmaworkbench.app..",
            "org.sigmaworkbench.cli..")
        .check(CLASSES);
  }

  @Test
  void logsDoNotUseTheMatcherOrTheFaces() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.logs..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.engine..", "org.sigmaworkbench.app..", "org.sigmaworkbench.cli..")
        .check(CLASSES);
  }

  @Test
  void engineDoesNotUseKqlOrTheFaces() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.kql..", "org.sigmaworkbench.app..", "org.sigmaworkbench.cli..")
        .check(CLASSES);
  }

  @Test
  void exportUsesOnlyRuleAndKql() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs..",
            "org.sigmaworkbench.engine..",
            "org.sigmaworkbench.app..",
            "org.sigmaworkbench.cli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheFacesUseExport() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sigmaworkbench.rule..",
            "org.sigmaworkbench.kql..",
            "org.sigmaworkbench.logs..",
            "org.sigmaworkbench.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sigmaworkbench.export..")
        .check(CLASSES);
  }

  @Test
  void cliDoesNotUseTheApp() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sigmaworkbench.app..")
        .check(CLASSES);
  }

  @Test
  void theRuleModelUsesNoneOfItsSubPackages() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.rule")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.rule.yaml..",
            "org.sigmaworkbench.rule.lint..",
            "org.sigmaworkbench.rule.attack..")
        .check(CLASSES);
  }

  @Test
  void ruleLoadingUsesOnlyTheModel() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.rule.yaml..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sigmaworkbench.rule.lint..", "org.sigmaworkbench.rule.attack..")
        .check(CLASSES);
  }

  @Test
  void attackDataUsesNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.rule.attack..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench",
            "org.sigmaworkbench.rule",
            "org.sigmaworkbench.rule.yaml..",
            "org.sigmaworkbench.rule.lint..",
            "org.sigmaworkbench.kql..",
            "org.sigmaworkbench.logs..",
            "org.sigmaworkbench.engine..",
            "org.sigmaworkbench.export..",
            "org.sigmaworkbench.authoring..",
            "org.sigmaworkbench.app..",
            "org.sigmaworkbench.cli..")
        .check(CLASSES);
  }

  @Test
  void authoringUsesTheCoreButNoFaceAndNoExport() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.authoring..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.app..", "org.sigmaworkbench.cli..", "org.sigmaworkbench.export..")
        .check(CLASSES);
  }

  @Test
  void onlyTheFacesUseAuthoring() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sigmaworkbench.rule..",
            "org.sigmaworkbench.kql..",
            "org.sigmaworkbench.logs..",
            "org.sigmaworkbench.engine..",
            "org.sigmaworkbench.export..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sigmaworkbench.authoring..")
        .check(CLASSES);
  }

  @Test
  void theLogsCoreUsesNoReader() {
    noClasses()
        .that()
        .resideInAPackage("org.sigmaworkbench.logs")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs.csv..",
            "org.sigmaworkbench.logs.json..",
            "org.sigmaworkbench.logs.xml..",
            "org.sigmaworkbench.logs.evtx..",
            "org.sigmaworkbench.logs.detect..")
        .check(CLASSES);
  }

  @Test
  void onlyLogsDetectChoosesAReader() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs.csv..",
            "org.sigmaworkbench.logs.json..",
            "org.sigmaworkbench.logs.xml..",
            "org.sigmaworkbench.logs.evtx..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sigmaworkbench.logs.detect..")
        .check(CLASSES);
  }

  @Test
  void readersAreIndependentButCsvMayUseJsonFields() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs.json..",
            "org.sigmaworkbench.logs.xml..",
            "org.sigmaworkbench.logs.evtx..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sigmaworkbench.logs.csv..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage("org.sigmaworkbench.logs.xml..", "org.sigmaworkbench.logs.evtx..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sigmaworkbench.logs.json..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs.csv..",
            "org.sigmaworkbench.logs.json..",
            "org.sigmaworkbench.logs.evtx..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sigmaworkbench.logs.xml..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sigmaworkbench.logs.csv..",
            "org.sigmaworkbench.logs.json..",
            "org.sigmaworkbench.logs.xml..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sigmaworkbench.logs.evtx..")
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
