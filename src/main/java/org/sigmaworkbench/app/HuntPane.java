package org.sigmaworkbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.engine.run.LogInput;
import org.sigmaworkbench.engine.run.Progress;
import org.sigmaworkbench.engine.run.RuleRun;
import org.sigmaworkbench.engine.run.RunEvent;
import org.sigmaworkbench.engine.run.RunListener;
import org.sigmaworkbench.engine.run.RunResult;
import org.sigmaworkbench.rule.Placeholders;

/**
 * The hunt view: every rule of a folder run over the loaded logs (hits only), the rules with hits
 * in a table (busiest first, sortable), the files that could not be loaded listed under it, a
 * progress bar, Stop and Run again. Enter or a double-click on a row opens that rule in a tab.
 * Loading and matching run on the executor it is given; results reach the FX thread through {@code
 * fx}.
 */
final class HuntPane extends VBox {

  private final TableView<RuleFolderHunt.Row> table = new TableView<>();
  private final ListView<String> problems = new ListView<>();
  private final Label title = new Label();
  private final Label status = new Label();
  private final Label stale =
      new Label("The logs changed since this hunt: Run again to include them");

  /** The logs the shown hunt ran over. */
  private List<Path> hunted = List.of();

  private final ProgressBar progress = new ProgressBar(0);
  private final Button stop = new Button("Stop");
  private final Button again = new Button("Run again");
  private final Button close = new Button("×");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
  private final AtomicLong generation = new AtomicLong();
  private final Supplier<List<LogInput>> logs;
  private final Supplier<Placeholders> placeholders;
  private final Executor fx;
  private Executor executor;
  private volatile Future<?> current;

  /**
   * @param executor where rules are loaded and matched (several threads let batches run in
   *     parallel)
   * @param fx the FX thread
   * @param logs the logs to hunt in, asked for on the FX thread at each start
   * @param placeholders the placeholder table for {@code |expand}
   * @param openRule opens a row's rule in a tab: its file, or a correlation with its rules' files
   * @param onClose hides the view
   */
  HuntPane(
      Executor executor,
      Executor fx,
      Supplier<List<LogInput>> logs,
      Supplier<Placeholders> placeholders,
      Consumer<RuleFolderHunt.Row> openRule,
      Runnable onClose) {
    this.executor = executor;
    this.fx = fx;
    this.logs = logs;
    this.placeholders = placeholders;
    setId("huntPane");
    getStyleClass().add("hunt-pane");
    setSpacing(4);
    setPadding(new Insets(4));

    title.setId("huntTitle");
    title.setMinWidth(0);
    HBox.setHgrow(title, Priority.ALWAYS);
    title.setMaxWidth(Double.MAX_VALUE);
    progress.setId("huntProgress");
    progress.setPrefWidth(70);
    progress.visibleProperty().bind(running.getReadOnlyProperty());
    progress.managedProperty().bind(running.getReadOnlyProperty());
    stop.setId("huntStop");
    stop.disableProperty().bind(running.getReadOnlyProperty().not());
    stop.setOnAction(e -> stop());
    again.setId("huntRunAgain");
    again.setTooltip(new Tooltip("Run the folder's rules again over the logs loaded now"));
    again.disableProperty().bind(running.getReadOnlyProperty().or(folder.isNull()));
    again.setOnAction(e -> runAgain());
    close.setId("huntClose");
    close.setTooltip(new Tooltip("Stop and hide the hunt"));
    close.setOnAction(
        e -> {
          stop();
          onClose.run();
        });
    HBox bar = new HBox(6, title, progress, stop, again, close);
    bar.setAlignment(Pos.CENTER_LEFT);

    status.setId("huntStatus");
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);

    stale.setId("huntStale");
    stale.setWrapText(true);
    stale.getStyleClass().add("notice");
    stale.setVisible(false);
    stale.managedProperty().bind(stale.visibleProperty());

    table.setId("huntTable");
    table.setPlaceholder(new Label("No rule has hits"));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    TableColumn<RuleFolderHunt.Row, String> ruleCol = new TableColumn<>("Rule");
    ruleCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
    ruleCol.setPrefWidth(150);
    ruleCol.setMinWidth(80);
    TableColumn<RuleFolderHunt.Row, String> levelCol = new TableColumn<>("Level");
    levelCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().level()));
    levelCol.setPrefWidth(72);
    levelCol.setMinWidth(56);
    TableColumn<RuleFolderHunt.Row, Long> hitsCol = new TableColumn<>("Hits");
    hitsCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().hits()));
    hitsCol.setPrefWidth(50);
    hitsCol.setMinWidth(40);
    hitsCol.setSortType(TableColumn.SortType.DESCENDING);
    hitsCol.setStyle("-fx-alignment: CENTER-RIGHT;");
    TableColumn<RuleFolderHunt.Row, String> fileCol = new TableColumn<>("File");
    fileCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fileName()));
    fileCol.setPrefWidth(100);
    fileCol.setMinWidth(50);
    table.getColumns().addAll(List.of(ruleCol, levelCol, hitsCol, fileCol));
    table.setRowFactory(
        t -> {
          TableRow<RuleFolderHunt.Row> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && !row.isEmpty()
                    && row.getItem().file() != null) {
                  openRule.accept(row.getItem());
                }
              });
          return row;
        });
    table.setOnKeyPressed(
        e -> {
          RuleFolderHunt.Row r = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && r != null && r.file() != null) {
            openRule.accept(r);
            e.consume();
          }
        });
    VBox.setVgrow(table, Priority.ALWAYS);
    table.setMinHeight(80);

    problems.setId("huntProblems");
    problems.setPrefHeight(64);
    problems.setCellFactory(
        Cells.list(
            (cell, item) -> {
              cell.setText(item);
              cell.setTooltip(item == null ? null : new Tooltip(item));
            }));
    problems.setMinHeight(40);
    problems.visibleProperty().bind(Bindings.isNotEmpty(problems.getItems()));
    problems.managedProperty().bind(problems.visibleProperty());
    getChildren().addAll(bar, status, stale, table, problems);
  }

  /** Hunts with the rules of {@code dir} over the logs loaded now. */
  void start(Path dir) {
    stop();
    folder.set(dir);
    title.setText("Hunt: " + dir.getFileName());
    title.setTooltip(new Tooltip(dir.toString()));
    table.getItems().clear();
    problems.getItems().clear();
    long gen = generation.incrementAndGet();
    List<LogInput> inputs = List.copyOf(logs.get());
    hunted = inputs.stream().map(LogInput::path).toList();
    stale.setVisible(false);
    Placeholders table = placeholders.get();
    running.set(true);
    progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
    status.setText("Loading the rules of " + dir.getFileName() + "…");
    CompletableFuture<Void> loading = new CompletableFuture<>();
    current = loading;
    try {
      executor.execute(
          () -> {
            if (gen != generation.get()) {
              return;
            }
            RuleFolderHunt.Loaded loaded;
            try {
              loaded = RuleFolderHunt.load(dir, table, () -> gen != generation.get());
            } catch (IOException | UncheckedIOException | SecurityException e) {
              fx.execute(() -> failed(gen, "Cannot read " + dir + ": " + e.getMessage()));
              return;
            }
            fx.execute(() -> run(gen, loaded, inputs));
          });
    } catch (RejectedExecutionException e) {
      running.set(false);
    }
  }

  private void failed(long gen, String message) {
    if (gen == generation.get()) {
      running.set(false);
      status.setText(message);
    }
  }

  private void run(long gen, RuleFolderHunt.Loaded loaded, List<LogInput> inputs) {
    if (gen != generation.get()) {
      return;
    }
    loaded.problems().forEach(p -> problems.getItems().add(p.describe()));
    if (inputs.isEmpty()) {
      running.set(false);
      status.setText(
          RuleFolderHunt.status(loaded, List.of())
              + " — no logs loaded: open logs, then Run again");
      return;
    }
    progress.setProgress(0);
    status.setText(
        "Running "
            + RunWords.count(loaded.ruleCount(), "rule")
            + " over "
            + RunWords.count(inputs.size(), "log")
            + "…");
    ProgressPublisher published =
        new ProgressPublisher(fx, () -> gen == generation.get(), progress::setProgress);
    RunListener listener =
        new RunListener() {
          @Override
          public void onEvent(RunEvent e) {
            // The counts come with the result.
          }

          @Override
          public void onProgress(Progress p) {
            published.publish(p);
          }

          @Override
          public void onDone(RunResult r) {
            List<RuleFolderHunt.Row> rows = RuleFolderHunt.rows(r, loaded);
            fx.execute(() -> done(gen, loaded, r, rows));
          }
        };
    try {
      current = RuleRun.start(RuleFolderHunt.request(loaded, inputs), listener, executor);
    } catch (RejectedExecutionException e) {
      running.set(false);
    }
  }

  private void done(
      long gen, RuleFolderHunt.Loaded loaded, RunResult r, List<RuleFolderHunt.Row> rows) {
    if (gen != generation.get()) {
      return;
    }
    current = null;
    running.set(false);
    progress.setProgress(1);
    table.getSortOrder().clear();
    table.getItems().setAll(rows);
    List<String> unread =
        r.logs().stream().filter(l -> l.error() != null).map(l -> l.error()).toList();
    problems.getItems().addAll(unread);
    problems.getItems().addAll(r.correlationProblems());
    status.setText(RuleFolderHunt.status(loaded, rows));
  }

  /** Stops the hunt under way; what it found so far is not shown. */
  void stop() {
    if (!running.get()) {
      return;
    }
    generation.incrementAndGet();
    Future<?> f = current;
    if (f != null) {
      f.cancel(true);
    }
    current = null;
    running.set(false);
    status.setText(RunWords.stopped(status.getText()));
  }

  /**
   * The logs loaded now: when they are not the ones the hunt ran over, the view says so (it does
   * not hunt again by itself).
   */
  void logsNow(List<Path> paths) {
    stale.setVisible(folder.get() != null && !paths.equals(hunted));
  }

  /** The same folder again, over the logs loaded now. */
  void runAgain() {
    if (folder.get() != null) {
      start(folder.get());
    }
  }

  /** Where rules are loaded and matched from now on (tests hold it back). */
  void useExecutor(Executor e) {
    this.executor = e;
  }

  TableView<RuleFolderHunt.Row> table() {
    return table;
  }

  ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  Path folder() {
    return folder.get();
  }
}
