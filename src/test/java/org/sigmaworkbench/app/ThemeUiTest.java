package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The theme switch, and readable rows as the theme actually draws them. */
@ExtendWith(ApplicationExtension.class)
class ThemeUiTest {

  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    Themes.darkProperty().set(false);
    window = new MainWindow();
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  @AfterEach
  void light(FxRobot robot) {
    robot.interact(() -> Themes.darkProperty().set(false));
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#testStatus").queryAs(Label.class).getText();
  }

  private CheckMenuItem toggle(FxRobot robot) {
    Menu view =
        robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
            .filter(m -> "viewMenu".equals(m.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(view.getText()).isEqualTo("_View");
    return (CheckMenuItem)
        view.getItems().stream()
            .filter(i -> "themeToggle".equals(i.getId()))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void theToggleSwitchesTheStylesheetAndTheRootClassLive(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    CheckMenuItem dark = toggle(robot);
    assertThat(dark.getText()).isEqualTo("_Dark Theme");
    assertThat(dark.isSelected()).isFalse();
    assertThat(Application.getUserAgentStylesheet())
        .isEqualTo(new PrimerLight().getUserAgentStylesheet());
    assertThat(window.getStyleClass()).doesNotContain("dark");

    // A click on the item ticks it.
    robot.interact(() -> dark.setSelected(true));
    assertThat(Themes.darkProperty().get()).isTrue();
    assertThat(Application.getUserAgentStylesheet())
        .isEqualTo(new PrimerDark().getUserAgentStylesheet());
    assertThat(window.getStyleClass()).contains("dark");
    Color editorBackground = background(window.editor().area());
    assertThat(editorBackground.getBrightness()).isLessThan(0.2);

    robot.interact(() -> dark.setSelected(false));
    assertThat(Application.getUserAgentStylesheet())
        .isEqualTo(new PrimerLight().getUserAgentStylesheet());
    assertThat(window.getStyleClass()).doesNotContain("dark");
    assertThat(background(window.editor().area()).getBrightness()).isGreaterThan(0.9);
  }

  @Test
  void selectedAndHitRowsAreReadableInBothThemes(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    @SuppressWarnings("unchecked")
    TableView<EventRow> table = robot.lookup("#eventTable").queryAs(TableView.class);
    int hit = indexOf(table, true);
    int miss = indexOf(table, false);
    for (boolean dark : new boolean[] {false, true}) {
      robot.interact(() -> Themes.darkProperty().set(dark));
      for (int selected : new int[] {hit, miss}) {
        robot.interact(
            () -> {
              table.requestFocus();
              table.getSelectionModel().clearAndSelect(selected);
            });
        WaitForAsyncUtils.waitForFxEvents();
        // Every row on screen: selected or not, hit or not.
        for (TableRow<EventRow> row : rows(robot)) {
          Color bg = background(row);
          for (Node n : row.lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getText() != null && !cell.getText().isEmpty()) {
              assertReadable(dark, row, cell.getText(), (Color) cell.getTextFill(), bg);
            }
          }
          if (row.getItem().hitInReach() && !row.isSelected()) {
            // The hit marker stands out from the row's text.
            Node marker = row.lookup(".hit-marker");
            assertThat(((Labeled) marker).getTextFill())
                .isNotEqualTo(
                    ((TableCell<?, ?>)
                            row.lookupAll(".table-cell").stream()
                                .filter(n -> n != marker && ((TableCell<?, ?>) n).getText() != null)
                                .findFirst()
                                .orElseThrow())
                        .getTextFill());
          }
          for (Node n : row.lookupAll(".matched-text .label")) {
            Labeled l = (Labeled) n;
            Color back = n.getStyleClass().contains("match") ? background(n) : bg;
            assertReadable(dark, row, l.getText(), (Color) l.getTextFill(), back);
          }
        }
      }
    }
  }

  @Test
  void coloursNamedAfterOthersFollowThemInBothThemes(FxRobot robot) throws Exception {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    String css = ThemeContrastTest.css();
    Map<String, String> lightBlock = ThemeContrastTest.declarations(css, ".root");
    Map<String, String> darkBlock = ThemeContrastTest.declarations(css, ".root.dark");
    waitUntil(() -> window.testPane().detail().lookup(".detail-why") != null);
    for (boolean dark : new boolean[] {false, true}) {
      robot.interact(() -> Themes.darkProperty().set(dark));
      WaitForAsyncUtils.waitForFxEvents();
      Map<String, String> theme = ThemeContrastTest.theme(lightBlock, dark ? darkBlock : Map.of());
      // Rule values are drawn in the text colour, the "why" of a hit in the modifier colour.
      assertThat(fill(window.editor().area(), ".yaml-value")).isEqualTo(theme.get("-wb-fg"));
      assertThat(fill(window.testPane().detail(), ".detail-why"))
          .isEqualTo(theme.get("-wb-yaml-modifier"));
    }
  }

  /** The fill of the first text node of that class in {@code area}, as {@code #rrggbb}. */
  private static String fill(Node area, String styleClass) {
    Color c = (Color) ((Text) area.lookup(styleClass)).getFill();
    return String.format(
        "#%02x%02x%02x",
        Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255));
  }

  private static int indexOf(TableView<EventRow> table, boolean hit) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).hit() == hit) {
        return i;
      }
    }
    throw new AssertionError("no row with hit=" + hit);
  }

  @SuppressWarnings("unchecked")
  private static List<TableRow<EventRow>> rows(FxRobot robot) {
    return robot.lookup("#eventTable .table-row-cell").queryAll().stream()
        .map(n -> (TableRow<EventRow>) n)
        .filter(r -> r.getItem() != null && r.isVisible())
        .toList();
  }

  private static void assertReadable(
      boolean dark, TableRow<EventRow> row, String text, Color fg, Color bg) {
    double ratio = ThemeContrastTest.contrast(luminance(fg), luminance(bg));
    assertThat(ratio)
        .as(
            (dark ? "dark" : "light")
                + (row.isSelected() ? " selected" : "")
                + (row.getItem().hit() ? " hit" : "")
                + " row "
                + row.getIndex()
                + ", '"
                + text
                + "' "
                + fg
                + " on "
                + bg)
        .isGreaterThanOrEqualTo(4.5);
  }

  /** The colour painted last (innermost) behind a node, down the parents to the first filled. */
  private static Color background(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof javafx.scene.layout.Region r
          && r.getBackground() != null
          && !r.getBackground().getFills().isEmpty()) {
        List<BackgroundFill> fills = r.getBackground().getFills();
        if (fills.get(fills.size() - 1).getFill() instanceof Color c && c.getOpacity() > 0.99) {
          return c;
        }
      }
    }
    throw new AssertionError("no opaque background behind " + node);
  }

  private static double luminance(Color c) {
    return ThemeContrastTest.luminance(
        String.format(
            "#%02x%02x%02x",
            Math.round(c.getRed() * 255),
            Math.round(c.getGreen() * 255),
            Math.round(c.getBlue() * 255)));
  }
}
