package org.sigmaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sigmaworkbench.analysis.RuleAnalysis;
import org.sigmaworkbench.authoring.RegressionData;
import org.sigmaworkbench.authoring.RegressionRunner;
import org.sigmaworkbench.authoring.RegressionWriter;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.RuleMeta;

/**
 * The tests kept with the selected tab's rule, in SigmaHQ's layout: a regression folder (a
 * checkout's root, holding {@code regression_data}) whose info.yml files name rules by id. Run
 * replays each log of the rule's info.yml and shows pass or fail per log; Save as Test keeps the
 * loaded logs with the hits the rule gives on them now. The folder is chosen once and remembered.
 */
final class RuleTestsDialog extends Dialog<Void> {

  /** What the dialog needs from the window. */
  interface Host {
    /** The selected tab's analysis (the rule, compiled when it has no errors). */
    RuleAnalysis analysis();

    /** The selected tab's file, or {@code null} while untitled. */
    Path rulePath();

    /** The selected tab's name. */
    String ruleName();

    /** The loaded log files. */
    List<Path> logs();

    /** The remembered regression folder, or {@code null}. */
    Path folder();

    /** Remembers the regression folder. */
    void rememberFolder(Path folder);

    /** Asks the user for a folder, {@code null} when cancelled. */
    Path chooseFolder(Path start);
  }

  private final Host host;
  private final Executor background;
  private final Label folderLabel = new Label();
  private final ListView<String> results = new ListView<>();
  private final Label status = new Label();
  private final Button run = new Button("_Run Tests");
  private final Button save = new Button("Save as _Test");

  RuleTestsDialog(Host host, Executor background) {
    this.host = host;
    this.background = background;
    setTitle("Tests — " + host.ruleName());
    setHeaderText(null);
    getDialogPane().setId("ruleTests");
    folderLabel.setId("regressionFolderLabel");
    Button choose = new Button("_Folder…");
    choose.setId("chooseRegressionFolder");
    choose.setOnAction(e -> chooseFolder());
    results.setId("regressionResults");
    results.setPrefSize(620, 220);
    status.setId("ruleTestsStatus");
    status.setWrapText(true);
    run.setId("runRuleTests");
    run.setOnAction(e -> runTests());
    save.setId("saveAsTest");
    save.setOnAction(e -> saveAsTest());
    HBox folderRow = new HBox(8, new Label("Regression folder:"), folderLabel, choose);
    HBox.setHgrow(folderLabel, Priority.ALWAYS);
    folderLabel.setMaxWidth(Double.MAX_VALUE);
    VBox box = new VBox(8, folderRow, results, status, new HBox(8, run, save));
    box.setPadding(new Insets(4));
    VBox.setVgrow(results, Priority.ALWAYS);
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    showFolder();
    setOnShown(e -> runTests());
  }

  private void showFolder() {
    Path f = host.folder();
    folderLabel.setText(f == null ? "not chosen" : f.toString());
  }

  /** The folder, asking for it the first time; {@code null} when the user cancels. */
  private Path folder() {
    Path f = host.folder();
    if (f == null || !Files.isDirectory(f)) {
      f = host.chooseFolder(f);
      if (f != null) {
        host.rememberFolder(f);
        showFolder();
      }
    }
    return f;
  }

  private void chooseFolder() {
    Path f = host.chooseFolder(host.folder());
    if (f != null) {
      host.rememberFolder(f);
      showFolder();
      runTests();
    }
  }

  private CompiledRule rule() {
    RuleAnalysis a = host.analysis();
    if (a == null || a.compiled() == null) {
      results.getItems().clear();
      status.setText("The rule has errors: fix them to run or save its tests.");
      return null;
    }
    if (a.compiled().rule().meta().id() == null) {
      results.getItems().clear();
      status.setText("The rule has no id: its tests name it by id.");
      return null;
    }
    return a.compiled();
  }

  /** Runs the rule's tests (on the background executor) and shows each log's outcome. */
  void runTests() {
    CompiledRule rule = rule();
    Path root = host.folder();
    if (rule == null) {
      return;
    }
    if (root == null || !Files.isDirectory(root)) {
      status.setText("Choose the regression folder (a SigmaHQ checkout or its regression_data).");
      return;
    }
    status.setText("Running…");
    work(
        () -> {
          Map<CompiledRule, RegressionData.Info> found =
              RegressionRunner.match(List.of(rule), RegressionData.scan(root));
          if (found.isEmpty()) {
            return new Outcome(
                List.of(),
                "No test names this rule's id ("
                    + rule.rule().meta().id()
                    + ") under "
                    + root
                    + ". Load logs it hits and Save as Test.");
          }
          RegressionRunner.RuleResult r = RegressionRunner.run(rule, found.get(rule));
          List<String> lines = new ArrayList<>();
          for (RegressionRunner.LogResult l : r.logs()) {
            lines.add(
                (l.passed() ? "PASS  " : "FAIL  ")
                    + (l.test().file() == null ? l.test().path() : l.test().file().getFileName())
                    + " — "
                    + l.describe());
          }
          long failed = r.logs().stream().filter(l -> !l.passed()).count();
          return new Outcome(
              lines,
              (failed == 0 ? "Passed: " : "Failed: ")
                  + RunWords.count(r.logs().size(), "log")
                  + (failed == 0 ? "" : ", " + failed + " failing")
                  + " ("
                  + r.info().file()
                  + ")");
        });
  }

  /** Keeps the loaded logs with the rule, with the hits it gives on them now. */
  void saveAsTest() {
    CompiledRule rule = rule();
    if (rule == null) {
      return;
    }
    List<Path> logs = host.logs();
    if (logs.isEmpty()) {
      status.setText("Load the logs the rule should hit first.");
      return;
    }
    Path root = folder();
    if (root == null) {
      return;
    }
    Path rulePath = host.rulePath();
    String ruleName = host.ruleName();
    status.setText("Saving…");
    work(
        () -> {
          List<RegressionWriter.LogCount> counts = new ArrayList<>();
          long total = 0;
          for (Path log : logs) {
            int hits = hits(rule, log);
            total += hits;
            counts.add(new RegressionWriter.LogCount(log, hits, null));
          }
          RuleMeta meta = rule.rule().meta();
          Path info =
              RegressionWriter.save(
                  root,
                  ruleFolder(root, rulePath, rule.rule().logsource()),
                  fileName(rulePath, ruleName),
                  meta,
                  counts,
                  meta.author(),
                  Clock.systemDefaultZone(),
                  UUID::randomUUID);
          return new Outcome(
              null, "Saved: these logs give " + RunWords.count(total, "hit") + " (" + info + ")");
        });
  }

  /** The hits of {@code rule} in {@code log}, read as a replay of the test reads it. */
  static int hits(CompiledRule rule, Path log) throws IOException {
    try {
      return (int) RegressionRunner.hits(rule, log);
    } catch (IOException e) {
      throw new IOException(log.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** The rule's folder relative to the root: where it lies, else SigmaHQ's for its logsource. */
  static String ruleFolder(Path root, Path rulePath, LogSource ls) {
    if (rulePath != null) {
      Path dir = rulePath.toAbsolutePath().normalize().getParent();
      Path r = root.toAbsolutePath().normalize();
      if (dir != null && dir.startsWith(r) && !dir.equals(r)) {
        return r.relativize(dir).toString().replace('\\', '/');
      }
    }
    StringBuilder b = new StringBuilder("rules");
    if (ls != null) {
      for (String part : new String[] {ls.product(), ls.category(), ls.service()}) {
        if (part != null && part.matches("[A-Za-z0-9_.-]+")) {
          b.append('/').append(part);
        }
      }
    }
    return b.toString();
  }

  static String fileName(Path rulePath, String name) {
    if (rulePath != null) {
      return rulePath.getFileName().toString();
    }
    String n = name.replaceAll("[^A-Za-z0-9_.-]+", "_");
    return n.matches(".*\\.ya?ml") ? n : n + ".yml";
  }

  private record Outcome(List<String> lines, String status) {}

  private interface Work {
    Outcome get() throws IOException;
  }

  private void work(Work w) {
    run.setDisable(true);
    save.setDisable(true);
    Consumer<Outcome> show =
        o -> {
          run.setDisable(false);
          save.setDisable(false);
          if (o.lines() != null) {
            results.getItems().setAll(o.lines());
          }
          status.setText(o.status());
        };
    Supplier<Outcome> task =
        () -> {
          try {
            return w.get();
          } catch (IOException | RuntimeException e) {
            return new Outcome(null, "Cannot do it: " + e.getMessage());
          }
        };
    try {
      background.execute(
          () -> {
            Outcome o = task.get();
            Platform.runLater(() -> show.accept(o));
          });
    } catch (RejectedExecutionException e) {
      show.accept(new Outcome(null, "The window is closing."));
    }
  }

  Label status() {
    return status;
  }

  ListView<String> results() {
    return results;
  }
}
