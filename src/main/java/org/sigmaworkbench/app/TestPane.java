package org.sigmaworkbench.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.sigmaworkbench.engine.Check;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.engine.MatchSpan;
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
    clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.logs()));
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
    logsMenu.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.logs()));
    model
        .logs()
        .addListener(
            (javafx.collections.ListChangeListener<LoadedLog>)
                c -> fillLogsMenu(logsMenu.getItems(), model));
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
        .addListener(
            (javafx.collections.ListChangeListener<LoadedLog>)
                c -> fillLogsMenu(logsItem.getItems(), model));
    status.setMinWidth(0);
    status.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
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

    FilteredList<EventRow> filtered = new FilteredList<>(model.rows());
    hitsOnly
        .selectedProperty()
        .addListener((o, a, b) -> filtered.setPredicate(b ? EventRow::hit : null));
    // The File column only when there is more than one file (the status line names a single one),
    // so that the command line gets the room on a narrow window.
    TableColumn<EventRow, String> fileColumn = textColumn("File", 120, r -> r.event().file());
    fileColumn.setId("fileColumn");
    fileColumn
        .visibleProperty()
        .bind(javafx.beans.binding.Bindings.size(model.logs()).greaterThan(1));
    table.setId("eventTable");
    table.setItems(filtered);
    table.setPlaceholder(
        new Label("Drop a log file here (CSV, event XML, JSON lines), or use Open Logs…"));
    table
        .getColumns()
        .addAll(
            List.of(
                textColumn("", 28, r -> r.hitInReach() ? "●" : r.hit() ? "○" : ""),
                textColumn("#", 48, r -> Long.toString(r.event().record())),
                fileColumn,
                imageColumn(),
                commandLineColumn(),
                textColumn("Why", 230, r -> r.hit() ? whyText(r) : ""),
                textColumn(
                    "Reach",
                    150,
                    r ->
                        r.outsideReach() != null
                            ? org.sigmaworkbench.engine.RunWords.OUTSIDE
                            : "")));
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
                              org.sigmaworkbench.engine.RunWords.capitalized(
                                  org.sigmaworkbench.engine.RunWords.outsideBecause(
                                      item.outsideReach())))
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
            (javafx.collections.ListChangeListener<EventRow>)
                c -> {
                  if (table.getSelectionModel().getSelectedItem() == null
                      || !model.rows().contains(table.getSelectionModel().getSelectedItem())) {
                    filtered.stream()
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
    VBox tables = new VBox(correlations, table);
    SplitPane split =
        new ProportionalSplitPane(
            javafx.geometry.Orientation.VERTICAL,
            new double[] {0.68},
            tables,
            new VirtualizedScrollPane<>(detail));
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
                  + org.sigmaworkbench.engine.RunWords.count(log.events(), "event")
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

  private static String whyText(EventRow r) {
    List<String> parts = new ArrayList<>();
    for (MatchSpan s : r.explanation().spans()) {
      String p =
          s.ruleKey().isEmpty()
              ? "keyword '" + s.ruleValue() + "'"
              : s.ruleKey() + " '" + s.ruleValue() + "'";
      if (!parts.contains(p)) {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? r.explanation().summary() : String.join(", ", parts);
  }

  /** The image path, cut from the left so the file name stays visible. */
  private static TableColumn<EventRow, String> imageColumn() {
    TableColumn<EventRow, String> c =
        textColumn(
            "Image",
            200,
            r -> {
              String image = r.event().get("Image");
              return image == null ? "" : image;
            });
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
                setTooltip(
                    empty || v == null || v.isEmpty() ? null : new javafx.scene.control.Tooltip(v));
              }
            });
    return c;
  }

  private static TableColumn<EventRow, String> textColumn(
      String name, double width, java.util.function.Function<EventRow, String> f) {
    TableColumn<EventRow, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setSortable(false);
    return c;
  }

  private TableColumn<EventRow, EventRow> commandLineColumn() {
    TableColumn<EventRow, EventRow> c = new TableColumn<>("CommandLine");
    c.setId("commandLineColumn");
    c.setPrefWidth(560);
    c.setSortable(false);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(EventRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                  setGraphic(null);
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
              }
            });
    return c;
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
                : org.sigmaworkbench.engine.RunWords.capitalized(
                        org.sigmaworkbench.engine.RunWords.outsideBecause(r.outsideReach()))
                    + "\n");
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
                        + org.sigmaworkbench.engine.RunWords.count(c.values(), "value")
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
    if (item instanceof org.sigmaworkbench.engine.CorrelationHit h) {
      StringBuilder b = new StringBuilder(CorrelationTable.summary(h)).append('\n');
      for (org.sigmaworkbench.engine.CorrelationHit.Member m : h.events()) {
        b.append("  ").append(CorrelationTable.describe(m)).append('\n');
      }
      detail.replaceText(b.toString());
      detail.setStyleSpans(0, headSpans(b.toString()));
      detail.moveTo(0);
    } else if (item instanceof org.sigmaworkbench.engine.CorrelationHit.Member m
        && m.event() != null) {
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

  TableView<EventRow> table() {
    return table;
  }

  StyleClassedTextArea detail() {
    return detail;
  }
}
