package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The events table as an analyst works in it: sort, filter, choose columns, copy, export. */
@ExtendWith(ApplicationExtension.class)
class HitTableUiTest {

  private MainWindow window;

  @TempDir Path dir;

  @Start
  void start(Stage stage) throws IOException {
    Themes.darkProperty().set(false);
    window = new MainWindow();
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String clipboard() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
        .get(10, TimeUnit.SECONDS);
  }

  /** Read on the FX thread: the scene graph changes while a run publishes its rows. */
  private String status(FxRobot robot) {
    try {
      return WaitForAsyncUtils.asyncFx(
              () -> robot.lookup("#testStatus").queryAs(Label.class).getText())
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private TableView<EventRow> table(FxRobot robot) {
    return robot.lookup("#eventTable").queryAs(TableView.class);
  }

  private List<Long> records(FxRobot robot) {
    try {
      return WaitForAsyncUtils.asyncFx(
              () -> table(robot).getItems().stream().map(r -> r.event().record()).toList())
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Looked up on the FX thread: a run still publishing rows changes the header's children. */
  private Node header(FxRobot robot, String columnId) {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      return WaitForAsyncUtils.asyncFx(
              () ->
                  robot
                      .lookup(".column-header")
                      .match(n -> columnId.equals(n.getId()))
                      .<Node>query())
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private CheckMenuItem columnItem(FxRobot robot, String columnId) {
    Menu view =
        robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
            .filter(m -> "viewMenu".equals(m.getId()))
            .findFirst()
            .orElseThrow();
    Menu columns =
        (Menu)
            view.getItems().stream()
                .filter(i -> "columnsViewMenu".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    return (CheckMenuItem)
        columns.getItems().stream()
            .filter(i -> ("show-" + columnId).equals(i.getId()))
            .findFirst()
            .orElseThrow();
  }

  /** A log whose times are in several forms and whose event ids sort differently as text. */
  private Path mixedLog() throws IOException {
    Path csv = dir.resolve("mixed.csv");
    Files.writeString(
        csv,
        "UtcTime,EventID,Image,CommandLine\n"
            + "2026-11-20 09:30:00-05:00,9,C:\\x\\a.exe,a.exe one\n" // 14:30 UTC
            + "2026-11-20T10:00:00Z,4688,C:\\x\\b.exe,b.exe two\n"
            + "11/20/2026 8:00:00 AM,10,C:\\x\\c.exe,\"c.exe three, \"\"four\"\"\"\n",
        StandardCharsets.UTF_8);
    return csv;
  }

  private void openMixed(FxRobot robot) throws Exception {
    Path csv = mixedLog();
    robot.interact(
        () -> {
          window.model().clearLogs();
          window.openLogs(List.of(csv));
        });
    waitUntil(() -> status(robot).contains("3 events"));
  }

  @Test
  void clickingAHeaderSortsNumbersAsNumbersAndTimesAsTimes(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    // Records 1..18: as text, 10 would come before 2.
    robot.clickOn(header(robot, "recordColumn"));
    WaitForAsyncUtils.waitForFxEvents();
    List<Long> ascending = new ArrayList<>();
    for (long i = 1; i <= 18; i++) {
      ascending.add(i);
    }
    assertThat(records(robot)).isEqualTo(ascending);
    robot.clickOn(header(robot, "recordColumn"));
    WaitForAsyncUtils.waitForFxEvents();
    List<Long> descending = new ArrayList<>(ascending);
    java.util.Collections.reverse(descending);
    assertThat(records(robot)).isEqualTo(descending);

    openMixed(robot);
    robot.clickOn(header(robot, "timeColumn"));
    WaitForAsyncUtils.waitForFxEvents();
    // 08:00 UTC, 10:00 UTC, 14:30 UTC (as text the order would be 11/20, 2026-11-20 09:30, ...T10).
    assertThat(records(robot)).containsExactly(3L, 2L, 1L);
    // A click on the menu item ticks it.
    robot.interact(() -> columnItem(robot, "eventIdColumn").setSelected(true));
    assertThat(window.testPane().column("eventIdColumn").isVisible()).isTrue();
    robot.clickOn(header(robot, "eventIdColumn"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(records(robot)).containsExactly(1L, 3L, 2L); // 9, 10, 4688
  }

  @Test
  void theContextMenuSortsByTheColumnFromTheKeyboard(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    TableView<EventRow> t = table(robot);
    robot.interact(
        () -> {
          t.requestFocus();
          t.getSelectionModel().select(0);
          t.getFocusModel().focus(0, window.testPane().column("recordColumn"));
        });
    robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    ContextMenu menu = t.getContextMenu();
    assertThat(menu.isShowing()).isTrue();
    MenuItem descending =
        menu.getItems().stream()
            .filter(i -> "sortDescending".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(descending.getText()).isEqualTo("Sort by Record, Descending");
    robot.interact(
        () -> {
          descending.fire();
          menu.hide();
        });
    assertThat(records(robot).get(0)).isEqualTo(18L);
    assertThat(records(robot).get(17)).isEqualTo(1L);
  }

  @Test
  void ctrlFFocusesTheFilterWhichFiltersRowsAndCountsThemAndEscClearsIt(FxRobot robot)
      throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    String full = status(robot);
    TextField filter = robot.lookup("#hitFilter").queryAs(TextField.class);
    robot.interact(() -> window.editor().area().requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(filter.isFocused()).isTrue();

    robot.write("cmd.exe");
    waitUntil(() -> filter.getText().equals("cmd.exe"));
    // Expected from the events themselves: a shown column (record, time, image, command line,
    // why, reach) holding "cmd.exe", ignoring case.
    List<EventRow> all = window.model().rows();
    List<EventRow> expected =
        all.stream()
            .filter(
                r ->
                    contains(r.event().get("Image"), "cmd.exe")
                        || contains(r.event().get("CommandLine"), "cmd.exe"))
            .toList();
    assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
    assertThat(table(robot).getItems()).containsExactlyElementsOf(expected);
    long hits = expected.stream().filter(EventRow::hitInReach).count();
    assertThat(status(robot))
        .isEqualTo(hits + " of 8 hits shown, " + expected.size() + " of 18 events");

    // Hits only still applies, with the filter.
    robot.interact(() -> window.testPane().hitsOnly().fire());
    assertThat(table(robot).getItems()).allMatch(EventRow::hit).hasSize((int) hits);
    assertThat(status(robot)).isEqualTo(hits + " of 8 hits shown");
    robot.interact(() -> window.testPane().hitsOnly().fire());

    robot.interact(filter::requestFocus);
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(filter.getText()).isEmpty();
    assertThat(table(robot).getItems()).hasSize(18);
    assertThat(status(robot)).isEqualTo(full);
  }

  private static boolean contains(String value, String part) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  @Test
  void aColumnHiddenFromTheColumnsMenuLeavesTheTableAndTheFilter(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    TableColumn<EventRow, ?> commandLine = window.testPane().column("commandLineColumn");
    robot.interact(() -> window.testPane().filterField().setText("Get-Command"));
    assertThat(table(robot).getItems())
        .isNotEmpty()
        .allMatch(r -> contains(r.event().get("CommandLine"), "Get-Command"));
    CheckMenuItem item = columnItem(robot, "commandLineColumn");
    assertThat(item.getText()).isEqualTo("CommandLine");
    assertThat(item.isSelected()).isTrue();
    robot.interact(() -> item.setSelected(false));
    assertThat(commandLine.isVisible()).isFalse();
    assertThat(table(robot).getVisibleLeafColumns()).doesNotContain(commandLine);
    // The command line is no longer searched: no other shown column holds the text.
    assertThat(table(robot).getItems()).isEmpty();
    robot.interact(() -> item.setSelected(true));
    assertThat(commandLine.isVisible()).isTrue();
    assertThat(table(robot).getItems()).isNotEmpty();
  }

  @Test
  void ctrlCCopiesTheSelectedRowsAsTabSeparatedTextWithAHeader(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    TableView<EventRow> t = table(robot);
    robot.interact(
        () -> {
          t.getSelectionModel().clearSelection();
          t.getSelectionModel().select(2);
          t.getSelectionModel().select(0);
          t.requestFocus();
        });
    robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    String[] lines = clipboard().split("\n", -1);
    assertThat(lines).hasSize(4);
    List<String> headers =
        t.getVisibleLeafColumns().stream()
            .map(
                c ->
                    c.getText().isEmpty()
                        ? "Hit"
                        : c.getText().equals("#") ? "Record" : c.getText())
            .toList();
    assertThat(lines[0].split("\t", -1)).containsExactlyElementsOf(headers);
    // Rows in table order, whatever order they were selected in.
    for (int i = 0; i < 2; i++) {
      EventRow r = t.getItems().get(i * 2);
      String[] cells = lines[1 + i].split("\t", -1);
      assertThat(cells[headers.indexOf("Record")]).isEqualTo(Long.toString(r.event().record()));
      assertThat(cells[headers.indexOf("CommandLine")]).isEqualTo(r.event().get("CommandLine"));
      assertThat(cells[headers.indexOf("Hit")]).isEqualTo(r.hit() ? "hit" : "");
    }

    // Copy Cell copies one value: the cell right-clicked.
    Node cell =
        robot
            .lookup(".table-row-cell .table-cell")
            .match(
                n ->
                    n instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getTableColumn() == window.testPane().column("imageColumn")
                        && c.getIndex() == 0)
            .query();
    robot.rightClickOn(cell);
    WaitForAsyncUtils.waitForFxEvents();
    ContextMenu menu = t.getContextMenu();
    if (!menu.isShowing()) {
      // Monocle's robot presses the button without a context-menu request: show it as one would.
      robot.interact(() -> menu.show(t, 100, 100));
    }
    MenuItem copyCell =
        menu.getItems().stream()
            .filter(i -> "copyCell".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(copyCell.getText()).isEqualTo("Copy Cell (Image)");
    robot.interact(
        () -> {
          copyCell.fire();
          menu.hide();
        });
    assertThat(clipboard()).isEqualTo(t.getItems().get(0).event().get("Image"));
  }

  @Test
  void exportWritesTheRowsAndColumnsShownAsCsvAndJsonLines(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    openMixed(robot);
    TableView<EventRow> t = table(robot);
    robot.interact(
        () -> {
          window.testPane().filterField().setText(".exe t"); // "two", "three": rows 2 and 3
          window
              .testPane()
              .sortBy(window.testPane().column("timeColumn"), TableColumn.SortType.DESCENDING);
          window.testPane().column("whyColumn").setVisible(false);
        });
    assertThat(records(robot)).containsExactly(2L, 3L);
    List<String> headers =
        t.getVisibleLeafColumns().stream()
            .map(
                c ->
                    c.getText().isEmpty()
                        ? "Hit"
                        : c.getText().equals("#") ? "Record" : c.getText())
            .toList();
    assertThat(headers).doesNotContain("Why").contains("CommandLine", "Time");

    Path csv = dir.resolve("out.csv");
    window.testPane().setExportChooser((owner, name) -> csv);
    robot.clickOn("#exportHits");
    WaitForAsyncUtils.waitForFxEvents();
    List<List<String>> records = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    assertThat(records.get(0)).containsExactlyElementsOf(headers);
    assertThat(records).hasSize(3);
    for (int i = 0; i < 2; i++) {
      EventRow r = t.getItems().get(i);
      List<String> rec = records.get(i + 1);
      assertThat(rec.get(headers.indexOf("Record"))).isEqualTo(Long.toString(r.event().record()));
      assertThat(rec.get(headers.indexOf("CommandLine"))).isEqualTo(r.event().get("CommandLine"));
      assertThat(rec.get(headers.indexOf("Time"))).isEqualTo(r.event().get("UtcTime"));
    }
    assertThat(records.get(2).get(headers.indexOf("CommandLine")))
        .isEqualTo("c.exe three, \"four\"");
    assertThat(robot.lookup("#exportResult").queryAs(Label.class).getText())
        .isEqualTo("Saved 2 events to out.csv");

    Path jsonl = dir.resolve("out.jsonl");
    window.testPane().setExportChooser((owner, name) -> jsonl);
    robot.clickOn("#exportHits");
    WaitForAsyncUtils.waitForFxEvents();
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    ObjectMapper m = new ObjectMapper();
    for (int i = 0; i < 2; i++) {
      JsonNode o = m.readTree(lines.get(i));
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactlyElementsOf(headers);
      EventRow r = t.getItems().get(i);
      assertThat(o.get("Record").asText()).isEqualTo(Long.toString(r.event().record()));
      assertThat(o.get("CommandLine").asText()).isEqualTo(r.event().get("CommandLine"));
    }
  }

  /** An RFC 4180 reader for the test: CRLF records, quoted fields with doubled quotes. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(f.toString());
        f.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        rec.add(f.toString());
        f.setLength(0);
        out.add(rec);
        rec = new ArrayList<>();
        i++;
      } else {
        assertThat(c).as("bare line break in CSV").isNotIn('\r', '\n');
        f.append(c);
      }
    }
    assertThat(f.length() == 0 && rec.isEmpty()).as("CSV ends with CRLF").isTrue();
    return out;
  }
}
