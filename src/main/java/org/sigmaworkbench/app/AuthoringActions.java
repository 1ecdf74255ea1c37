package org.sigmaworkbench.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.sigmaworkbench.analysis.RuleAnalysis;
import org.sigmaworkbench.authoring.RuleFromEvent;
import org.sigmaworkbench.authoring.Template;
import org.sigmaworkbench.authoring.Templates;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.threads.DaemonThreads;

/**
 * The writing help as the window offers it: New Rule from a template, New Rule from an event of the
 * table, the rule's tests, and the editors' completion fed with the target and the values of the
 * loaded logs (counted on a background thread, again whenever the logs change).
 */
final class AuthoringActions {

  /** Where new rule text goes: a new untitled tab, the caret and selection as rendered. */
  interface Opener {
    void open(Template.Rendered rule);
  }

  private final WorkbenchModel model;
  private final TabPane tabs;
  private final TableView<EventRow> events;
  private final Opener opener;
  private final Supplier<Window> owner;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(DaemonThreads.named("writing-help"));
  private Clock clock = Clock.systemDefaultZone();
  private Supplier<UUID> ids = UUID::randomUUID;
  private Map<String, Map<String, Long>> stats = Map.of();
  private Future<?> counting;
  private long generation;

  AuthoringActions(
      WorkbenchModel model,
      TabPane tabs,
      TableView<EventRow> events,
      Opener opener,
      Supplier<Window> owner) {
    this.model = model;
    this.tabs = tabs;
    this.events = events;
    this.opener = opener;
    this.owner = owner;
    tabs.getTabs()
        .addListener(
            (ListChangeListener<Tab>)
                c -> {
                  while (c.next()) {
                    c.getAddedSubList().forEach(this::feed);
                  }
                });
    tabs.getTabs().forEach(this::feed);
    model.targetProperty().addListener((o, a, b) -> tabs.getTabs().forEach(this::feed));
    model.logs().addListener((ListChangeListener<LoadedLog>) c -> countValues());
  }

  /** Gives a tab's editor the target and the value counts. */
  private void feed(Tab t) {
    if (t instanceof RuleTab r) {
      r.editor().setCompletionTarget(model.targetProperty().get());
      r.editor().setValueStatistics(stats);
    }
  }

  /** Counts the loaded logs' values off the FX thread; a newer count replaces an older one. */
  private void countValues() {
    List<List<Event>> sources = new ArrayList<>();
    boolean allKept = true;
    for (LoadedLog l : model.logs()) {
      if (l.cached() != null) {
        sources.add(l.cached());
      } else {
        allKept = false;
      }
    }
    if (!allKept) {
      // Large logs keep no events: count the rows the table holds instead.
      sources.clear();
      sources.add(model.rows().stream().map(EventRow::event).toList());
    }
    long gen = ++generation;
    if (counting != null) {
      counting.cancel(true);
    }
    try {
      counting =
          worker.submit(
              () -> {
                Map<String, Map<String, Long>> counted = ValueStatistics.of(sources);
                Platform.runLater(
                    () -> {
                      if (gen == generation) {
                        stats = counted;
                        tabs.getTabs().forEach(this::feed);
                      }
                    });
              });
    } catch (RejectedExecutionException e) {
      // The window is closing.
    }
  }

  /** The value counts the editors have now. */
  Map<String, Map<String, Long>> valueStatistics() {
    return stats;
  }

  /** Fixed clock and ids for new rules (tests). */
  void useForNewRules(Clock clock, Supplier<UUID> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** The template chooser; the chosen template opens in a new tab. */
  void newRuleFromTemplate() {
    TemplateChooser c = new TemplateChooser(Templates.all());
    Window w = owner.get();
    if (w != null) {
      c.initOwner(w);
      c.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
    }
    c.showAndWait().ifPresent(t -> opener.open(t.render(clock, ids)));
  }

  /** The first template (process creation) in a new tab, without asking. */
  void newDefaultRule() {
    opener.open(Templates.all().get(0).render(clock, ids));
  }

  /** The selected event of the table as a new rule, the fields chosen in a dialog. */
  void newRuleFromEvent(Consumer<String> problem) {
    EventRow row = events.getSelectionModel().getSelectedItem();
    if (row == null) {
      problem.accept("Select an event in the table to write a rule from it.");
      return;
    }
    Event e = row.event();
    RuleFromEventDialog d = new RuleFromEventDialog(e.fields());
    Window w = owner.get();
    if (w != null) {
      d.initOwner(w);
      d.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
    }
    d.showAndWait()
        .ifPresent(
            choices ->
                opener.open(RuleFromEvent.build(e, choices, EventLogsource.of(e), clock, ids)));
  }

  /** The Tests dialog of the selected tab's rule. */
  RuleTestsDialog showTests(
      RuleTab tab, Supplier<Path> folder, Consumer<Path> remember, FileDialogs dialogs) {
    RuleTestsDialog.Host host =
        new RuleTestsDialog.Host() {
          @Override
          public RuleAnalysis analysis() {
            return model.analysisProperty().get();
          }

          @Override
          public Path rulePath() {
            return tab == null ? null : tab.path();
          }

          @Override
          public String ruleName() {
            return tab == null ? "rule" : tab.name();
          }

          @Override
          public List<Path> logs() {
            return model.logs().stream().map(LoadedLog::path).toList();
          }

          @Override
          public Path folder() {
            return folder.get();
          }

          @Override
          public void rememberFolder(Path f) {
            remember.accept(f);
          }

          @Override
          public Path chooseFolder(Path start) {
            return dialogs.chooseFolder(owner.get(), start, "Regression folder for rule tests");
          }
        };
    RuleTestsDialog d = new RuleTestsDialog(host, worker);
    Window w = owner.get();
    if (w != null) {
      d.initOwner(w);
      d.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
    }
    d.show();
    return d;
  }

  void shutdown() {
    worker.shutdownNow();
  }
}
