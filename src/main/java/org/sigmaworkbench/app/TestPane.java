package org.sigmaworkbench.app;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.sigmaworkbench.engine.Check;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.engine.MatchSpan;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.detect.LogReaders;

/**
 * The test pane: drop logs on it, see every event with hit rows marked and the matched part of the
 * command line highlighted; select a row to see all its fields and why the rule matched it.
 */
final class TestPane extends BorderPane {
  private static final PseudoClass HIT = PseudoClass.getPseudoClass("hit");

  /** Style class of a hit the chosen target's query cannot return. */
  static final String OUT_OF_REACH = "out-of-reach";

  private final TableView<EventRow> table = new TableView<>();
  private final CorrelationTable correlations;
  private final StyleClassedTextArea detail = new StyleClassedTextArea();
  private final Label status = new Label();
  private final Label notice = new Label();
  private final WorkbenchModel model;
  private final TextField filter = new TextField();
  private final Label exportResult = new Label();
  private final Map<TableColumn<EventRow, ?>, EventColumn> columns = new HashMap<>();
  private final FilteredList<EventRow> filtered;
  private final ToggleButton hitsOnly;
  private TableColumn<EventRow, ?> pointedColumn;
  private ExportChooser exportChooser = TestPane::chooseExportFile;

  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination FIND =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

  TestPane(WorkbenchModel model, Runnable chooseLogs) {
    this.model = model;
    getStyleClass().addAll("pane", "test-pane");
    setId("testPane");

    Label title = new Label("Test");
    title.getStyleClass().add("pane-title");
    Button open = new Button("Open Logs…");
    open.setId("openLogs");
    open.setOnAction(e -> chooseLogs.run());
    ToggleButton hitsOnly = new ToggleButton("Hits only");
    hitsOnly.setId("hitsOnly");
    Button clear = new Button("Clear");
    clear.setId("clearLogs");
    clear.setOnAction(e -> model.clearLogs());
    clear
        .disableProperty()
        .bind(Bindings.isEmpty(model.logs()).and(model.workspaceShownProperty().not()));
    ProgressBar progress = new ProgressBar();
    progress.setId("runProgress");
    progress.setPrefWidth(120);
    progress.setMinWidth(50);
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.runningProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    Button stop = new Button("Stop");
    stop.setId("stopRun");
    stop.setOnAction(e -> model.cancelRun());
    stop.visibleProperty().bind(model.runningProperty());
    stop.managedProperty().bind(stop.visibleProperty());
    status.setId("testStatus");
    status.getStyleClass().add("test-status");
    status.textProperty().bind(model.testStatusProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    MenuButton logsMenu = new MenuButton("Logs");
    logsMenu.setId("logsMenu");
    logsMenu.disableProperty().bind(Bindings.isEmpty(model.logs()));
    model
        .logs()
        .addListener((ListChangeListener<LoadedLog>) c -> fillLogsMenu(logsMenu.getItems(), model));
    // Open Logs and Stop always stay; the status is cut with "…" (its tooltip has it all) down to
    // a readable width, then Clear, Hits only and Logs move into the "⋯" menu one at a time.
    CheckMenuItem hitsOnlyItem = new CheckMenuItem("Hits only");
    hitsOnlyItem.selectedProperty().bindBidirectional(hitsOnly.selectedProperty());
    MenuItem clearItem = new MenuItem("Clear");
    clearItem.setOnAction(e -> model.clearLogs());
    clearItem.disableProperty().bind(clear.disableProperty());
    Menu logsItem = new Menu("Logs");
    logsItem.disableProperty().bind(logsMenu.disableProperty());
    model
        .logs()
        .addListener((ListChangeListener<LoadedLog>) c -> fillLogsMenu(logsItem.getItems(), model));
    status.setMinWidth(0);
    status.setTextOverrun(OverrunStyle.ELLIPSIS);
    PriorityBar header =
        new PriorityBar("testMore")
            .primary(title)
            .primary(open)
            .secondary(logsMenu, logsItem)
            .secondary(hitsOnly, hitsOnlyItem)
            .secondary(clear, clearItem)
            .primary(progress)
            .primary(stop)
            .primary(spacer)
            .flexible(status, 140);
    Tooltip statusTip = new Tooltip();
    statusTip.textProperty().bind(status.textProperty());
    status.setTooltip(statusTip);

    notice.setId("notice");
    notice.getStyleClass().add("notice");
    notice.setWrapText(true);
    notice.setMaxWidth(Double.MAX_VALUE);
    notice.textProperty().bind(model.noticeProperty());
    notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    setTop(new VBox(header, notice));

    filtered = new FilteredList<>(model.rows());
    SortedList<EventRow> sorted = new SortedList<>(filtered);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    this.hitsOnly = hitsOnly;
    hitsOnly.selectedProperty().addListener((o, a, b) -> refilter());
    filter.setId("hitFilter");
    filter.setPromptText("Filter events (Ctrl+F): text in any shown column");
    // On a large table (each keystroke searches every row, about 0.1 s per 50,000 rows) the filter
    // waits for a pause in typing; a small table filters at once.
    PauseTransition typing = new PauseTransition(Duration.millis(180));
    typing.setOnFinished(e -> refilter());
    filter
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (model.rows().size() > 5_000 && b != null && !b.isEmpty()) {
                typing.playFromStart();
              } else {
                typing.stop();
                refilter();
              }
            });
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            if (filter.getText().isEmpty()) {
              table.requestFocus();
            } else {
              filter.clear();
            }
            e.consume();
          }
        });
    HBox.setHgrow(filter, Priority.ALWAYS);
    filter.setMaxWidth(Double.MAX_VALUE);
    filter.setMinWidth(120);
    MenuButton columnsButton = new MenuButton("Columns");
    columnsButton.setId("columnsMenu");
    columnsButton.setMinWidth(Region.USE_PREF_SIZE);
    columnsButton.setOnShowing(e -> columnsButton.getItems().setAll(columnItems()));
    Button export = new Button("Export…");
    export.setId("exportHits");
    export.setMinWidth(Region.USE_PREF_SIZE);
    export.setTooltip(
        new Tooltip("Save the events shown, as filtered and sorted, as CSV or JSON lines"));
    export.setOnAction(e -> exportShown());
    export.disableProperty().bind(Bindings.isEmpty(sorted));
    exportResult.setId("exportResult");
    exportResult.getStyleClass().add("export-result");
    exportResult.setMinWidth(0);
    HBox filterBar = new HBox(6, filter, exportResult, columnsButton, export);
    filterBar.getStyleClass().add("filter-bar");
    filterBar.setAlignment(Pos.CENTER_LEFT);
    filterBar.setPadding(new Insets(3, 6, 3, 6));
    // With a filter the status counts what is shown; the full sentence stays in the tooltip.
    status
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                this::statusText, model.testStatusProperty(), filtered, filter.textProperty()));

    table.setId("eventTable");
    table.setItems(sorted);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setPlaceholder(
        new Label("Drop a log file here (CSV, event XML, JSON lines), or use Open Logs…"));
    for (EventColumn c : EventColumn.all()) {
      TableColumn<EventRow, ?> column = newColumn(c);
      columns.put(column, c);
      table.getColumns().add(column);
      column.visibleProperty().addListener((o, a, b) -> refilter());
    }
    // The File column only when there is more than one file (the status line names a single one),
    // so that the command line gets the room on a narrow window; the Columns menu can change it.
    TableColumn<EventRow, ?> fileColumn = column("fileColumn");
    fileColumn.setVisible(false);
    model
        .logs()
        .addListener(
            (ListChangeListener<LoadedLog>) c -> fileColumn.setVisible(model.logs().size() > 1));
    showSourceOfWorkspaceRows(fileColumn);
    // The Reach column only while some hit is outside the query's reach (the Columns menu can
    // show it at any time).
    TableColumn<EventRow, ?> reachColumn = column("reachColumn");
    reachColumn.setVisible(false);
    model
        .rows()
        .addListener(
            (ListChangeListener<EventRow>)
                c -> {
                  boolean outside = false;
                  boolean removed = false;
                  while (c.next()) {
                    removed |= c.wasRemoved();
                    outside |= c.getAddedSubList().stream().anyMatch(r -> r.outsideReach() != null);
                  }
                  if (outside) {
                    reachColumn.setVisible(true);
                  } else if (removed && reachColumn.isVisible()) {
                    // Only a removal can take the last such hit away: look at them all then.
                    reachColumn.setVisible(
                        model.rows().stream().anyMatch(r -> r.outsideReach() != null));
                  }
                });
    // The command line takes the width the other shown columns leave.
    table.widthProperty().addListener((o, a, b) -> fitCommandLine());
    for (TableColumn<EventRow, ?> c : table.getColumns()) {
      if (!"commandLineColumn".equals(c.getId())) {
        c.widthProperty().addListener((o, a, b) -> fitCommandLine());
        c.visibleProperty().addListener((o, a, b) -> fitCommandLine());
      }
    }
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (COPY.match(e)) {
            copyRows();
            e.consume();
          } else if (e.getCode() == KeyCode.CONTEXT_MENU
              || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
            // The menu key opens the table's menu at the selected row on every platform.
            showContextMenuAtSelection();
            e.consume();
          }
        });
    table.addEventFilter(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          for (Node n = e.getPickResult().getIntersectedNode();
              n != null && n != table;
              n = n.getParent()) {
            if (n instanceof TableCell<?, ?> cell) {
              pointedColumn =
                  table.getColumns().stream()
                      .filter(c -> c == cell.getTableColumn())
                      .findFirst()
                      .orElse(null);
              break;
            }
          }
        });
    table.setContextMenu(contextMenu());
    sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                scene.addEventFilter(
                    KeyEvent.KEY_PRESSED,
                    e -> {
                      if (FIND.match(e)) {
                        focusFilter();
                        e.consume();
                      }
                    });
              }
            });
    table.setRowFactory(
        tv -> {
          TableRow<EventRow> row =
              new TableRow<>() {
                @Override
                protected void updateItem(EventRow item, boolean empty) {
                  super.updateItem(item, empty);
                  pseudoClassStateChanged(HIT, !empty && item != null && item.hit());
                  boolean outside = !empty && item != null && item.outsideReach() != null;
                  getStyleClass().remove(OUT_OF_REACH);
                  if (outside) {
                    getStyleClass().add(OUT_OF_REACH);
                  }
                  setTooltip(
                      outside
                          ? new Tooltip(
                              RunWords.capitalized(RunWords.outsideBecause(item.outsideReach())))
                          : null);
                }
              };
          return row;
        });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));
    // Show why the first hit matched as soon as results arrive, unless the user picked a row.
    model
        .rows()
        .addListener(
            (ListChangeListener<EventRow>)
                c -> {
                  if (table.getSelectionModel().getSelectedItem() == null
                      || !model.rows().contains(table.getSelectionModel().getSelectedItem())) {
                    sorted.stream()
                        .filter(EventRow::hit)
                        .findFirst()
                        .ifPresentOrElse(
                            r -> table.getSelectionModel().select(r), () -> showDetail(null));
                  }
                });

    detail.setId("eventDetail");
    detail.getStyleClass().add("event-detail");
    detail.setEditable(false);
    detail.setWrapText(true);
    // Correlation hits, above the events, only while the editor holds a correlation rule.
    correlations = new CorrelationTable(model.correlationHits(), this::showCorrelation);
    correlations.visibleProperty().bind(model.correlatingProperty());
    correlations.managedProperty().bind(correlations.visibleProperty());
    VBox.setVgrow(table, Priority.ALWAYS);
    VBox tables = new VBox(correlations, filterBar, table);
    SplitPane split =
        new ProportionalSplitPane(
            Orientation.VERTICAL, 0.68, tables, new VirtualizedScrollPane<>(detail));
    setCenter(split);

    setOnDragOver(this::dragOver);
    setOnDragDropped(e -> dropped(e, model::openLogs));
  }

  /** One submenu per loaded log: its format (to read it as another), its column mapping, remove. */
  private void fillLogsMenu(List<MenuItem> menu, WorkbenchModel model) {
    menu.clear();
    for (LoadedLog log : model.logs()) {
      Menu m =
          new Menu(
              log.name()
                  + " — "
                  + log.format()
                  + " ("
                  + RunWords.count(log.events(), "event")
                  + ")");
      m.setId("log-" + log.name());
      Menu readAs = new Menu("Read as");
      ToggleGroup group = new ToggleGroup();
      RadioMenuItem auto = new RadioMenuItem("Detect from the content");
      auto.setToggleGroup(group);
      auto.setSelected(log.options().kind() == null);
      auto.setOnAction(e -> model.reopen(log, log.options().withKind(null)));
      readAs.getItems().add(auto);
      for (LogKind k : LogReaders.kinds()) {
        RadioMenuItem item = new RadioMenuItem(k.title());
        item.setToggleGroup(group);
        item.setSelected(k == log.options().kind());
        item.setOnAction(e -> model.reopen(log, log.options().withKind(k)));
        readAs.getItems().add(item);
      }
      MenuItem mapping = new MenuItem("Map columns…");
      mapping.setOnAction(
          e -> {
            ColumnMappingDialog d = new ColumnMappingDialog(log);
            d.initOwner(getScene().getWindow());
            d.showAndWait()
                .ifPresent(map -> model.reopen(log, new ReadOptions(log.options().kind(), map)));
          });
      MenuItem remove = new MenuItem("Remove");
      remove.setOnAction(e -> model.remove(log));
      m.getItems().addAll(readAs, mapping, new SeparatorMenuItem(), remove);
      menu.add(m);
    }
  }

  /**
   * The column of that spec. The cell value is the row, so that the column sorts by its own order
   * (numbers as numbers, times as times), not by its text.
   */
  private static TableColumn<EventRow, EventRow> newColumn(EventColumn spec) {
    TableColumn<EventRow, EventRow> c = new TableColumn<>(spec.title());
    c.setId(spec.id());
    c.setPrefWidth(spec.width());
    if (spec.id().equals("commandLineColumn")) {
      c.setMinWidth(160);
    }
    c.setVisible(spec.shown());
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    c.setComparator(spec.order());
    c.setCellFactory(col -> new EventCell(spec));
    return c;
  }

  /**
   * A cell of the events table: the command line with the matched part highlighted; other values as
   * one line of text, paths cut from the left so that the file name stays visible.
   */
  private static final class EventCell extends TableCell<EventRow, EventRow> {
    private final EventColumn spec;
    private final boolean commandLine;
    private final boolean marker;

    EventCell(EventColumn spec) {
      this.spec = spec;
      commandLine = spec.id().equals("commandLineColumn");
      marker = spec.id().equals("hitColumn");
      if (marker) {
        getStyleClass().add("hit-marker");
      }
      if (spec.id().equals("imageColumn") || spec.id().equals("parentImageColumn")) {
        setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
      }
    }

    @Override
    protected void updateItem(EventRow r, boolean empty) {
      super.updateItem(r, empty);
      if (commandLine) {
        showCommandLine(empty ? null : r);
      } else {
        showText(empty ? null : r);
      }
    }

    private void showText(EventRow r) {
      String v = r == null ? null : spec.text().apply(r);
      setText(v == null ? null : marker ? markerOf(r) : MatchedText.oneLine(v));
      setTooltip(v == null || marker || v.length() < 24 ? null : new Tooltip(wrapped(v)));
    }

    private void showCommandLine(EventRow r) {
      setText(null);
      if (r == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      String value = r.event().get("CommandLine");
      List<MatchSpan> spans =
          r.hit()
              ? r.explanation().spans().stream()
                  .filter(s -> "CommandLine".equalsIgnoreCase(s.field()))
                  .toList()
              : List.of();
      setGraphic(new MatchedText(value, spans));
      setTooltip(value == null || value.length() < 24 ? null : new Tooltip(wrapped(value)));
    }
  }

  private static String markerOf(EventRow r) {
    return r.hitInReach() ? "●" : r.hit() ? "○" : "";
  }

  /** A long value in lines of at most 100 characters, for a tooltip. */
  private static String wrapped(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i += 100) {
      if (i > 0) {
        b.append('\n');
      }
      b.append(v, i, Math.min(v.length(), i + 100));
    }
    return b.toString();
  }

  /** The table column of that id. */
  TableColumn<EventRow, ?> column(String id) {
    return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
  }

  /** Gives the command line the width the other shown columns leave (at least its minimum). */
  private void fitCommandLine() {
    TableColumn<EventRow, ?> cl = column("commandLineColumn");
    double others = 0;
    for (TableColumn<EventRow, ?> c : table.getVisibleLeafColumns()) {
      if (c != cl) {
        others += c.getWidth();
      }
    }
    double free =
        table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 18 - others;
    cl.setPrefWidth(Math.max(Math.max(cl.getMinWidth(), 320), Math.floor(free)));
  }

  /** The shown columns, in the order the table shows them. */
  private List<EventColumn> shownColumns() {
    List<EventColumn> shown = new ArrayList<>();
    for (TableColumn<EventRow, ?> c : table.getVisibleLeafColumns()) {
      shown.add(columns.get(c));
    }
    return shown;
  }

  /** Rows pass when they are hits (with Hits only) and a shown column holds the filter text. */
  private void refilter() {
    boolean hits = hitsOnly.isSelected();
    String query = filter.getText();
    List<EventColumn> shown =
        table.getColumns().stream().filter(TableColumn::isVisible).map(columns::get).toList();
    filtered.setPredicate(
        r ->
            (!hits || r.hit())
                && (query == null
                    || query.isBlank()
                    || EventColumn.matches(
                        shown.stream().map(c -> c.text().apply(r)).toList(), query)));
  }

  private String statusText() {
    String full = model.testStatusProperty().get();
    if (filter.getText() == null || filter.getText().isBlank()) {
      return full;
    }
    long shownHits = filtered.stream().filter(EventRow::hitInReach).count();
    long hits = model.rows().stream().filter(EventRow::hitInReach).count();
    String s = RunWords.shown(shownHits, hits, "hit");
    if (!hitsOnly.isSelected()) {
      s += ", " + filtered.size() + " of " + RunWords.count(model.rows().size(), "event");
    }
    return s;
  }

  /** Puts the caret in the filter field, its text selected to type over. */
  void focusFilter() {
    filter.requestFocus();
    filter.selectAll();
  }

  ToggleButton hitsOnly() {
    return hitsOnly;
  }

  TextField filterField() {
    return filter;
  }

  /** The shown rows (as filtered and sorted) and columns as text: the header, then the rows. */
  List<List<String>> shownText(List<EventRow> rows) {
    List<EventColumn> shown = shownColumns();
    List<List<String>> out = new ArrayList<>();
    out.add(shown.stream().map(EventColumn::header).toList());
    for (EventRow r : rows) {
      out.add(shown.stream().map(c -> c.text().apply(r)).toList());
    }
    return out;
  }

  /** Copies the selected rows, in table order, as tab-separated text with a header line. */
  void copyRows() {
    List<EventRow> rows =
        table.getSelectionModel().getSelectedIndices().stream()
            .sorted()
            .map(i -> table.getItems().get(i))
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    List<List<String>> text = shownText(rows);
    putOnClipboard(TableText.tsv(text.get(0), text.subList(1, text.size())));
  }

  /** Copies the value of the cell last pointed at (or the command line) of the selected row. */
  void copyCell() {
    EventRow r = table.getSelectionModel().getSelectedItem();
    if (r == null) {
      return;
    }
    putOnClipboard(columns.get(cellColumn()).text().apply(r));
  }

  private TableColumn<EventRow, ?> cellColumn() {
    TableColumn<EventRow, ?> c = pointedColumn;
    if (c == null || !c.isVisible()) {
      Object focused =
          table.getFocusModel().getFocusedCell() == null
              ? null
              : table.getFocusModel().getFocusedCell().getTableColumn();
      c = table.getColumns().stream().filter(t -> t == focused).findFirst().orElse(null);
    }
    return c != null && c.isVisible() ? c : column("commandLineColumn");
  }

  private static void putOnClipboard(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  private ContextMenu contextMenu() {
    MenuItem copyRows = new MenuItem("Copy Selected Rows (Ctrl+C)");
    copyRows.setId("copyRows");
    copyRows.setOnAction(e -> copyRows());
    MenuItem copyCell = new MenuItem("Copy Cell");
    copyCell.setId("copyCell");
    copyCell.setOnAction(e -> copyCell());
    MenuItem ascending = new MenuItem("Sort Ascending");
    ascending.setId("sortAscending");
    ascending.setOnAction(e -> sortBy(cellColumn(), TableColumn.SortType.ASCENDING));
    MenuItem descending = new MenuItem("Sort Descending");
    descending.setId("sortDescending");
    descending.setOnAction(e -> sortBy(cellColumn(), TableColumn.SortType.DESCENDING));
    MenuItem unsorted = new MenuItem("Original Order");
    unsorted.setId("sortNone");
    unsorted.setOnAction(e -> table.getSortOrder().clear());
    Menu columnsMenu = new Menu("Columns");
    MenuItem export = new MenuItem("Export Shown Events…");
    export.setId("exportHitsItem");
    export.setOnAction(e -> exportShown());
    ContextMenu menu =
        new ContextMenu(
            copyCell,
            copyRows,
            new SeparatorMenuItem(),
            ascending,
            descending,
            unsorted,
            new SeparatorMenuItem(),
            columnsMenu,
            export);
    menu.setOnShowing(
        e -> {
          String name = columns.get(cellColumn()).header();
          copyCell.setText("Copy Cell (" + name + ")");
          ascending.setText("Sort by " + name + ", Ascending");
          descending.setText("Sort by " + name + ", Descending");
          columnsMenu.getItems().setAll(columnItems());
        });
    return menu;
  }

  private void showContextMenuAtSelection() {
    ContextMenu menu = table.getContextMenu();
    if (menu == null || menu.isShowing()) {
      return;
    }
    pointedColumn = null;
    int selected = table.getSelectionModel().getSelectedIndex();
    Bounds at = table.localToScreen(table.getBoundsInLocal());
    for (Node n : table.lookupAll(".table-row-cell")) {
      if (n instanceof TableRow<?> row && row.getIndex() == selected && row.isVisible()) {
        at = row.localToScreen(row.getBoundsInLocal());
      }
    }
    if (at != null) {
      menu.show(table, at.getMinX() + 24, at.getMaxY());
    }
  }

  /** Sorts the table by one column (what a click on its header does). */
  void sortBy(TableColumn<EventRow, ?> c, TableColumn.SortType type) {
    c.setSortType(type);
    table.getSortOrder().setAll(List.of(c));
  }

  /** One check item per column: ticked while the column is shown. */
  List<MenuItem> columnItems() {
    List<MenuItem> items = new ArrayList<>();
    for (TableColumn<EventRow, ?> c : table.getColumns()) {
      EventColumn spec = columns.get(c);
      CheckMenuItem item =
          new CheckMenuItem(spec.header().equals("Hit") ? "Hit (● ○)" : spec.header());
      item.setId("show-" + c.getId());
      item.selectedProperty().bindBidirectional(c.visibleProperty());
      items.add(item);
    }
    return items;
  }

  /** The Columns menu for the menu bar (filled each time it opens). */
  Menu columnsMenu() {
    Menu m = new Menu("Event _Columns");
    m.setId("columnsViewMenu");
    m.getItems().setAll(columnItems());
    m.setOnShowing(e -> m.getItems().setAll(columnItems()));
    return m;
  }

  /** Where an export is written: asks the user (a file dialog), or tests answer. */
  interface ExportChooser {
    /** The file to write, or {@code null} when the user cancelled. */
    Path choose(Window owner, String suggestedName);
  }

  void setExportChooser(ExportChooser chooser) {
    exportChooser = chooser;
  }

  private static Path chooseExportFile(Window owner, String suggested) {
    FileChooser fc = new FileChooser();
    fc.setTitle("Export the events shown");
    FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv");
    FileChooser.ExtensionFilter jsonl =
        new FileChooser.ExtensionFilter("JSON lines (*.jsonl)", "*.jsonl");
    fc.getExtensionFilters().addAll(csv, jsonl);
    fc.setInitialFileName(suggested);
    File f = fc.showSaveDialog(owner);
    if (f == null) {
      return null;
    }
    String name = f.getName().toLowerCase(Locale.ROOT);
    if (fc.getSelectedExtensionFilter() == jsonl && !isJsonLines(name)) {
      return f.toPath().resolveSibling(f.getName() + ".jsonl");
    }
    return f.toPath();
  }

  private static boolean isJsonLines(String name) {
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
  }

  /**
   * Writes the rows shown (filtered and sorted as on screen) with the columns shown: JSON lines
   * when the file name ends in .jsonl, .ndjson or .json, CSV otherwise.
   */
  void exportShown() {
    Path file =
        exportChooser.choose(getScene() == null ? null : getScene().getWindow(), "events.csv");
    if (file == null) {
      return;
    }
    List<List<String>> text = shownText(List.copyOf(table.getItems()));
    List<String> header = text.get(0);
    List<List<String>> rows = text.subList(1, text.size());
    boolean json = isJsonLines(file.getFileName().toString().toLowerCase(Locale.ROOT));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (json) {
        TableText.jsonLines(header, rows, w);
      } else {
        TableText.csv(header, rows, w);
      }
      exportResult.setText(
          "Saved " + RunWords.count(rows.size(), "event") + " to " + file.getFileName());
      exportResult.setTooltip(new Tooltip(file.toString()));
    } catch (IOException | RuntimeException e) {
      exportResult.setText("Cannot save " + file.getFileName() + ": " + e.getMessage());
      exportResult.setTooltip(new Tooltip(file + ": " + e.getMessage()));
    }
  }

  /** " (the format it was read as)" for an event's log. */
  private String formatOf(Event e) {
    for (LoadedLog l : model.logs()) {
      if (l.name().equals(e.file()) && l.format() != null) {
        return " (" + l.format() + ")";
      }
    }
    return "";
  }

  private void showDetail(EventRow r) {
    if (r == null) {
      detail.replaceText("Select a row to see all of its fields and why the rule matched it.");
      return;
    }
    render(r, r.explanation());
    if (!r.hit()) {
      // Why it missed is worked out on demand, off the FX thread.
      model.explainMiss(
          r.event(),
          x -> {
            if (table.getSelectionModel().getSelectedItem() == r) {
              render(r, x);
            }
          });
    }
  }

  /** Writes the event and its explanation (a hit's, a miss's, or none yet) into the detail pane. */
  private void render(EventRow r, Explanation x) {
    Event e = r.event();
    StringBuilder text = new StringBuilder();
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    String verdict =
        x == null
            ? " — no hit"
            : x.matched() ? " — HIT: " + x.summary() : " — no hit: " + x.summary();
    String head =
        e.file()
            + formatOf(e)
            + ", record "
            + e.record()
            + verdict
            + "\n"
            + (r.outsideReach() == null || x == null || !x.matched()
                ? ""
                : RunWords.capitalized(RunWords.outsideBecause(r.outsideReach())) + "\n");
    text.append(head);
    spans.add(List.of("detail-head"), head.length());
    List<MatchSpan> shown = x == null ? List.of() : x.spans();
    if (x != null && x.matched()) {
      for (MatchSpan s : shown) {
        String line =
            "  "
                + s.identifier()
                + ": "
                + (s.ruleKey().isEmpty() ? "keyword" : s.ruleKey())
                + " '"
                + s.ruleValue()
                + "' (rule line "
                + s.line()
                + ") matched "
                + s.column()
                + "\n";
        text.append(line);
        spans.add(List.of("detail-why"), line.length());
      }
    } else if (x != null) {
      for (Check c : x.checks()) {
        String line =
            "  "
                + c.identifier()
                + ": "
                + (c.key().isEmpty() ? "keywords" : c.key())
                + (c.held()
                    ? " held"
                        + (c.matchedValues().isEmpty()
                            ? ""
                            : " ("
                                + String.join(
                                    ", ",
                                    c.matchedValues().stream().map(v -> "'" + v + "'").toList())
                                + ")")
                    : " did not hold ("
                        + RunWords.count(c.values(), "value")
                        + (c.noValue() == null ? "" : "; " + c.noValueNote())
                        + ")")
                + " — rule line "
                + c.line()
                + "\n";
        text.append(line);
        spans.add(List.of(c.held() ? "detail-held" : "detail-why"), line.length());
      }
    }
    for (Map.Entry<String, List<String>> f : e.fieldValues().entrySet()) {
      String name = f.getKey();
      // A field of several values (unnamed <Data>) shows each value on its own line.
      for (int occurrence = 0; occurrence < f.getValue().size(); occurrence++) {
        String value = f.getValue().get(occurrence);
        String prefix = name + ": ";
        int valueStart = text.length() + prefix.length();
        text.append(prefix).append(value).append('\n');
        spans.add(List.of("detail-name"), prefix.length());
        int pos = valueStart;
        for (MatchSpan s : shown) {
          int slot = e.schema().columnSlot(s.column());
          if (slot >= 0
              && e.schema().displayName(slot).equals(name)
              && s.occurrence() == occurrence
              && s.start() >= 0
              && s.end() <= value.length()
              && valueStart + s.start() >= pos) {
            spans.add(List.of(), valueStart + s.start() - pos);
            spans.add(List.of("match"), s.end() - s.start());
            pos = valueStart + s.end();
          }
        }
        spans.add(List.of(), text.length() - pos);
      }
    }
    detail.replaceText(text.toString());
    detail.setStyleSpans(0, spans.create());
    detail.moveTo(0);
    detail.requestFollowCaret();
  }

  /** Shows a correlation hit (its window, group and events) or one of its events. */
  private void showCorrelation(Object item) {
    if (item instanceof CorrelationHit h) {
      StringBuilder b = new StringBuilder(CorrelationTable.summary(h)).append('\n');
      for (CorrelationHit.Member m : h.events()) {
        b.append("  ").append(CorrelationTable.describe(m)).append('\n');
      }
      detail.replaceText(b.toString());
      detail.setStyleSpans(0, headSpans(b.toString()));
      detail.moveTo(0);
    } else if (item instanceof CorrelationHit.Member m && m.event() != null) {
      render(new EventRow(m.event(), null), null);
      String head =
          m.file()
              + formatOf(m.event())
              + ", record "
              + m.record()
              + " — in the correlation, as '"
              + m.rule()
              + "'\n";
      int end = detail.getText().indexOf('\n') + 1;
      detail.replaceText(0, end, head);
      detail.setStyle(0, head.length(), List.of("detail-head"));
      detail.moveTo(0);
    }
  }

  private static org.fxmisc.richtext.model.StyleSpans<Collection<String>> headSpans(String text) {
    int first = text.indexOf('\n') + 1;
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    spans.add(List.of("detail-head"), first);
    spans.add(List.of(), text.length() - first);
    return spans.create();
  }

  CorrelationTable correlationTable() {
    return correlations;
  }

  private void dragOver(DragEvent e) {
    if (e.getDragboard().hasFiles()) {
      e.acceptTransferModes(TransferMode.COPY);
    }
    e.consume();
  }

  static void dropped(DragEvent e, Consumer<List<Path>> open) {
    Dragboard db = e.getDragboard();
    boolean ok = false;
    if (db.hasFiles()) {
      open.accept(db.getFiles().stream().map(File::toPath).toList());
      ok = true;
    }
    e.setDropCompleted(ok);
    e.consume();
  }

  /** Workspace rows among the logs' rows: the File column says which source each row is from. */
  private void showSourceOfWorkspaceRows(TableColumn<EventRow, ?> fileColumn) {
    Runnable show =
        () ->
            fileColumn.setVisible(
                model.logs().size() > 1
                    || model.workspaceShownProperty().get() && !model.logs().isEmpty());
    model.workspaceShownProperty().addListener((o, a, b) -> show.run());
    model.logs().addListener((javafx.collections.ListChangeListener<LoadedLog>) c -> show.run());
  }

  TableView<EventRow> table() {
    return table;
  }

  StyleClassedTextArea detail() {
    return detail;
  }
}
