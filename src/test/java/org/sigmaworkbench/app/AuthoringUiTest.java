package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.authoring.Completion;
import org.sigmaworkbench.authoring.Template;
import org.sigmaworkbench.authoring.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The writing help in the window (headless): new rules from templates and from an event, value
 * completion from the loaded log, and tests kept with a rule. Starts on the sample rule and log.
 */
@ExtendWith(ApplicationExtension.class)
class AuthoringUiTest {

  private static final Path SAMPLE = Path.of("sample-logs", "sysmon-fields.csv");

  /** Answers the folder chooser with {@link #folder}; the other dialogs are not used. */
  final class Dialogs implements FileDialogs {
    @Override
    public Path openRule(Window owner, Path folder) {
      return null;
    }

    @Override
    public Path saveRule(Window owner, Path folder, String name) {
      return null;
    }

    @Override
    public List<Path> openLogs(Window owner, Path folder) {
      return List.of();
    }

    @Override
    public Path chooseFolder(Window owner, Path folder, String title) {
      asked++;
      return AuthoringUiTest.this.folder;
    }
  }

  @TempDir Path dir;

  private Path folder;
  private int asked;
  private Stage stage;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    window = new MainWindow(dir.resolve("settings"), new Dialogs());
    stage.setScene(WorkbenchApp.createScene(window));
    stage.show();
    window.start(StartupOptions.parse(List.of()));
  }

  @AfterEach
  void closeDialogs(FxRobot robot) {
    robot.interact(
        () ->
            new ArrayList<>(Window.getWindows())
                .stream().filter(w -> w != stage).forEach(Window::hide));
    robot.interact(window::shutdown);
  }

  private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void press(FxRobot robot, KeyCode... keys) {
    robot.press(keys);
    List<KeyCode> reverse = new ArrayList<>(List.of(keys));
    java.util.Collections.reverse(reverse);
    robot.release(reverse.toArray(KeyCode[]::new));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String status(FxRobot robot) {
    return robot.lookup("#testStatus").queryAs(Label.class).getText();
  }

  private void loaded(FxRobot robot) throws TimeoutException {
    waitUntil(() -> status(robot).startsWith("8 hits"));
    robot.interact(() -> window.editor().area().requestFocus());
  }

  @SuppressWarnings("unchecked")
  private static ListView<Template> templateList(FxRobot robot) {
    return robot.lookup("#templateList").queryAs(ListView.class);
  }

  private static String idOf(String rule) {
    return rule.replaceAll("(?s).*?\nid: ([^\n]+)\n.*", "$1");
  }

  @Test
  void ctrlNThenEnterOpensAProcessCreationRuleWithAFreshIdAndToday(FxRobot robot) throws Exception {
    loaded(robot);
    press(robot, KeyCode.CONTROL, KeyCode.N);
    waitUntil(() -> robot.lookup("#templateList").tryQuery().isPresent());
    assertThat(templateList(robot).getItems()).isEqualTo(Templates.all());
    assertThat(templateList(robot).getSelectionModel().getSelectedIndex()).isZero();
    press(robot, KeyCode.ENTER);
    waitUntil(() -> window.ruleTabs().size() == 2);
    String text = window.editor().text();
    assertThat(text)
        .contains("\ncategory: process_creation\n".replace("\n", "\n    ").strip())
        .contains("\ndate: " + LocalDate.now() + "\n");
    UUID first = UUID.fromString(idOf(text));
    assertThat(first.version()).isEqualTo(4);
    String selected = window.editor().area().getSelectedText();
    assertThat(selected).isNotEmpty();
    assertThat(text).startsWith("title: " + selected + "\n");
    // Another one: a new id.
    press(robot, KeyCode.CONTROL, KeyCode.N);
    waitUntil(() -> robot.lookup("#templateList").tryQuery().isPresent());
    press(robot, KeyCode.ENTER);
    waitUntil(() -> window.ruleTabs().size() == 3);
    assertThat(UUID.fromString(idOf(window.editor().text()))).isNotEqualTo(first);
    // Esc cancels: no tab.
    press(robot, KeyCode.CONTROL, KeyCode.N);
    waitUntil(() -> robot.lookup("#templateList").tryQuery().isPresent());
    press(robot, KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#templateList").tryQuery().isEmpty());
    assertThat(window.ruleTabs()).hasSize(3);
  }

  @Test
  void theArrowsChooseTheCorrelationTemplate(FxRobot robot) throws Exception {
    loaded(robot);
    int correlation = -1;
    for (int i = 0; i < Templates.all().size(); i++) {
      if (Templates.all().get(i).body().contains("\ncorrelation:")) {
        correlation = i;
      }
    }
    assertThat(correlation).isPositive();
    press(robot, KeyCode.CONTROL, KeyCode.N);
    waitUntil(() -> robot.lookup("#templateList").tryQuery().isPresent());
    for (int i = 0; i < correlation; i++) {
      press(robot, KeyCode.DOWN);
    }
    press(robot, KeyCode.ENTER);
    waitUntil(() -> window.ruleTabs().size() == 2);
    assertThat(window.editor().text()).contains("\ncorrelation:");
  }

  @Test
  void ctrlSpaceOffersValuesOfTheLoadedLogWithTheirCounts(FxRobot robot) throws Exception {
    loaded(robot);
    // The counts as the file gives them (RFC 4180 records; Image is the fifth column).
    List<List<String>> records = csv(Files.readString(SAMPLE, StandardCharsets.UTF_8));
    int col = records.get(0).indexOf("Image");
    String image = records.get(1).get(col);
    long count = records.stream().skip(1).filter(r -> image.equals(r.get(col))).count();
    waitUntil(() -> window.authoring().valueStatistics().containsKey("Image"));
    String rule =
        "title: T\nlogsource:\n    category: process_creation\n    product: windows\n"
            + "detection:\n    selection:\n        Image|endswith: ";
    robot.interact(
        () -> {
          window.editor().area().replaceText(rule);
          window.editor().area().moveTo(rule.length());
          window.editor().area().requestFocus();
        });
    press(robot, KeyCode.CONTROL, KeyCode.SPACE);
    waitUntil(() -> window.editor().assist().completions().isShowing());
    List<Completion> items = window.editor().assist().completions().list().getItems();
    assertThat(items)
        .anySatisfy(
            c -> {
              assertThat(c.label()).isEqualTo(image);
              assertThat(c.description()).startsWith(count + " event");
            });
  }

  /** Comma-separated records with double-quoted fields that may hold commas, quotes, lines. */
  private static List<List<String>> csv(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }

  @Test
  void newRuleFromEventWritesARuleThatHitsThatEvent(FxRobot robot) throws Exception {
    loaded(robot);
    EventRow hit = window.model().rows().stream().filter(EventRow::hit).findFirst().orElseThrow();
    robot.interact(
        () -> {
          window.testPane().table().getSelectionModel().clearSelection();
          window.testPane().table().getSelectionModel().select(hit);
          window.testPane().table().requestFocus();
        });
    press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
    waitUntil(() -> robot.lookup("#ruleFromEventDialog").tryQuery().isPresent());
    assertThat(robot.lookup("#use-CommandLine").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(robot.lookup("#use-Image").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(robot.lookup("#use-User").queryAs(CheckBox.class).isSelected()).isFalse();
    robot.interact(
        () ->
            ((Button)
                    robot
                        .lookup("#ruleFromEventDialog")
                        .queryAs(javafx.scene.control.DialogPane.class)
                        .lookupButton(javafx.scene.control.ButtonType.OK))
                .fire());
    waitUntil(() -> window.ruleTabs().size() == 2);
    String text = window.editor().text();
    assertThat(text).contains("CommandLine|contains: ").contains("Image|endswith: ");
    waitUntil(
        () ->
            text.equals(
                    window.model().analysisProperty().get() == null
                        ? null
                        : window.model().analysisProperty().get().text())
                && !window.model().runningProperty().get()
                && window.model().rows().stream()
                    .anyMatch(
                        r ->
                            r.hit()
                                && r.event().record() == hit.event().record()
                                && r.event().file().equals(hit.event().file())));
  }

  @Test
  void saveAsTestKeepsTheLogsAndTheTestsPass(FxRobot robot) throws Exception {
    folder = Files.createDirectory(dir.resolve("sigma"));
    loaded(robot);
    long hits = window.model().rows().stream().filter(EventRow::hit).count();
    robot.interact(() -> window.showTests());
    waitUntil(() -> robot.lookup("#ruleTests").tryQuery().isPresent());
    Label st = robot.lookup("#ruleTestsStatus").queryAs(Label.class);
    waitUntil(() -> st.getText().startsWith("Choose the regression folder"));
    robot.interact(() -> robot.lookup("#saveAsTest").queryAs(Button.class).fire());
    waitUntil(() -> st.getText().startsWith("Saved: "));
    assertThat(asked).isEqualTo(1);
    assertThat(st.getText()).startsWith("Saved: these logs give " + hits + " hits");
    assertThat(window.currentSettings().regressionFolder).isEqualTo(folder.toString());
    try (var s = Files.walk(folder)) {
      assertThat(s.filter(p -> p.getFileName().toString().equals("info.yml")).count()).isEqualTo(1);
    }
    robot.interact(() -> robot.lookup("#runRuleTests").queryAs(Button.class).fire());
    waitUntil(() -> st.getText().startsWith("Passed"));
    @SuppressWarnings("unchecked")
    ListView<String> results = robot.lookup("#regressionResults").queryAs(ListView.class);
    assertThat(results.getItems()).hasSize(1);
    assertThat(results.getItems().get(0)).startsWith("PASS").contains("found " + hits);
    assertThat(asked).isEqualTo(1);
  }
}
