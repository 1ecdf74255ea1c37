package org.sigmaworkbench.app;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.workspace.SignIn;
import org.sigmaworkbench.workspace.WorkspaceConnection;
import org.sigmaworkbench.workspace.WorkspaceConnection.Part;
import org.sigmaworkbench.workspace.WorkspaceConnection.Service;

/**
 * Where to run the rule's query: the service, its workspace or cluster and database, another
 * endpoint, the time range, the row limit and how to sign in. What is wrong shows under each value
 * as it is typed; Run stays disabled until the connection is valid. The result is the connection;
 * the window remembers it and starts the query.
 */
final class WorkspaceDialog extends Dialog<WorkspaceConnection> {

  /** The Run button. */
  static final ButtonType RUN = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);

  private final ComboBox<Service> service = new ComboBox<>();
  private final TextField workspaceId = new TextField();
  private final TextField cluster = new TextField();
  private final TextField database = new TextField();
  private final TextField endpoint = new TextField();
  private final TextField timespan = new TextField();
  private final TextField maxRows = new TextField();
  private final ComboBox<SignIn> signIn = new ComboBox<>();
  private final Map<Part, Label> errors = new EnumMap<>(Part.class);
  private final ObjectProperty<WorkspaceConnection> connection = new SimpleObjectProperty<>();

  WorkspaceDialog(WorkspaceConnection remembered, Target target) {
    setTitle("Run on Workspace");
    setHeaderText(
        "Sends the query the KQL preview shows"
            + (target == null ? "" : ", written for " + target.title() + ",")
            + " to the service below.\nIts rows join the test pane, matched by the rule like a"
            + " log's events.");
    getDialogPane().setId("workspaceDialog");
    service.setId("wsService");
    service.getItems().setAll(Service.values());
    workspaceId.setId("wsWorkspaceId");
    workspaceId.setPromptText("00000000-0000-0000-0000-000000000000");
    cluster.setId("wsCluster");
    cluster.setPromptText("https://NAME.REGION.kusto.windows.net");
    database.setId("wsDatabase");
    endpoint.setId("wsEndpoint");
    endpoint.setPromptText("optional: another base URL (sovereign cloud, proxy, local stand-in)");
    timespan.setId("wsTimespan");
    timespan.setPromptText("ISO 8601: PT12H, P1D, P7D");
    maxRows.setId("wsMaxRows");
    signIn.setId("wsSignIn");
    signIn.getItems().setAll(SignIn.values());
    signIn.setCellFactory(lv -> new SignInCell());
    signIn.setButtonCell(new SignInCell());
    signIn.setMaxWidth(Double.MAX_VALUE);
    service.setMaxWidth(Double.MAX_VALUE);

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(0);
    grid.setPadding(new Insets(10));
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints fields = new ColumnConstraints(360, 420, Double.MAX_VALUE);
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);
    int row = 0;
    row = add(grid, row, "_Service:", service, null);
    row = add(grid, row, "_Workspace ID:", workspaceId, Part.WORKSPACE);
    row = add(grid, row, "_Cluster URL:", cluster, Part.CLUSTER);
    row = add(grid, row, "_Database:", database, Part.DATABASE);
    row = add(grid, row, "_Endpoint:", endpoint, Part.ENDPOINT);
    row = add(grid, row, "_Time range:", timespan, Part.TIMESPAN);
    row = add(grid, row, "Max _rows:", maxRows, Part.MAX_ROWS);
    add(grid, row, "Sign _in:", signIn, null);
    Label note =
        new Label(
            "Sign-in goes through Azure Identity (az login, environment, managed identity,"
                + " browser); nothing secret is stored. Plain http is used only on a loopback"
                + " address, and then no credential is sent.");
    note.setWrapText(true);
    note.setMaxWidth(520);
    note.getStyleClass().add("dialog-note");
    grid.add(note, 0, row + 1, 2, 1);
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, RUN);
    setResizable(true);

    service.setValue(remembered.service());
    workspaceId.setText(remembered.workspaceId());
    cluster.setText(remembered.cluster());
    database.setText(remembered.database());
    endpoint.setText(remembered.endpoint());
    timespan.setText(remembered.timespan());
    maxRows.setText(remembered.maxRows());
    signIn.setValue(remembered.signIn());
    for (Node n : new Node[] {workspaceId, cluster, database, endpoint, timespan, maxRows}) {
      ((TextField) n).textProperty().addListener((o, a, b) -> check());
    }
    service
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              check();
              // Other fields for another service: the dialog fits them.
              if (getDialogPane().getScene() != null
                  && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
              }
            });
    signIn.valueProperty().addListener((o, a, b) -> check());
    check();
    Button run = (Button) getDialogPane().lookupButton(RUN);
    run.setId("wsRun");
    run.disableProperty().bind(connection.isNull());
    setResultConverter(b -> b == RUN ? connection.get() : null);
    // Enter runs, once the key event is done with: closing the window while the toolkit still
    // delivers that key press to it crashes GTK's glass (seen under Xvfb).
    getDialogPane()
        .addEventFilter(
            javafx.scene.input.KeyEvent.KEY_PRESSED,
            e -> {
              if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                  && !e.isAltDown()
                  && !e.isControlDown()
                  && !(e.getTarget() instanceof Button)
                  && !(e.getTarget() instanceof ComboBox<?> c && c.isShowing())) {
                e.consume();
                if (!run.isDisabled()) {
                  javafx.application.Platform.runLater(run::fire);
                }
              }
            });
    setOnShown(e -> firstField().requestFocus());
  }

  private int add(GridPane grid, int row, String text, Control field, Part part) {
    Label label = new Label(text);
    label.setMnemonicParsing(true);
    label.setLabelFor(field);
    javafx.scene.layout.VBox cell = new javafx.scene.layout.VBox(2, field);
    cell.setPadding(new Insets(4, 0, 4, 0));
    grid.add(label, 0, row);
    grid.add(cell, 1, row);
    javafx.scene.layout.GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    label.setPadding(new Insets(8, 0, 0, 0));
    field.setMaxWidth(Double.MAX_VALUE);
    cell.visibleProperty().bind(field.visibleProperty());
    cell.managedProperty().bind(field.visibleProperty());
    label.visibleProperty().bind(field.visibleProperty());
    label.managedProperty().bind(field.visibleProperty());
    if (part != null) {
      Label error = new Label();
      error.setId("ws" + camel(part) + "Error");
      error.getStyleClass().add("field-error");
      error.setWrapText(true);
      error.setMaxWidth(420);
      error.visibleProperty().bind(error.textProperty().isNotEmpty());
      error.managedProperty().bind(error.visibleProperty());
      cell.getChildren().add(error);
      errors.put(part, error);
    }
    return row + 1;
  }

  private static String camel(Part p) {
    StringBuilder b = new StringBuilder();
    for (String w : p.name().split("_")) {
      b.append(w.charAt(0)).append(w.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return b.toString();
  }

  /** The connection as typed, its problems shown under the values. */
  WorkspaceConnection typed() {
    return new WorkspaceConnection(
        service.getValue(),
        workspaceId.getText(),
        cluster.getText(),
        database.getText(),
        endpoint.getText(),
        timespan.getText(),
        maxRows.getText(),
        signIn.getValue());
  }

  private void check() {
    Service s = service.getValue();
    workspaceId.setVisible(s == Service.LOG_ANALYTICS);
    cluster.setVisible(s == Service.DATA_EXPLORER);
    database.setVisible(s == Service.DATA_EXPLORER);
    WorkspaceConnection c = typed();
    Map<Part, String> problems = c.problems();
    for (Map.Entry<Part, Label> e : errors.entrySet()) {
      String p = problems.get(e.getKey());
      e.getValue().setText(p == null ? "" : p);
    }
    connection.set(problems.isEmpty() ? c : null);
    javafx.application.Platform.runLater(this::growToFit);
  }

  /** A message that needs more lines than the window has: the window grows (never shrinks). */
  private void growToFit() {
    javafx.scene.Scene scene = getDialogPane().getScene();
    if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
      return;
    }
    double need = getDialogPane().prefHeight(scene.getWidth());
    if (need > scene.getHeight() + 0.5) {
      scene.getWindow().setHeight(scene.getWindow().getHeight() + need - scene.getHeight());
    }
  }

  private Control firstField() {
    return switch (service.getValue()) {
      case LOG_ANALYTICS -> workspaceId;
      case DATA_EXPLORER -> cluster;
      case DEFENDER -> timespan;
    };
  }

  private static final class SignInCell extends ListCell<SignIn> {
    @Override
    protected void updateItem(SignIn s, boolean empty) {
      super.updateItem(s, empty);
      setText(empty || s == null ? null : describe(s));
      setTooltip(empty || s == null ? null : new Tooltip(describe(s)));
    }
  }

  /** A sign-in as people read it. */
  static String describe(SignIn s) {
    return switch (s) {
      case AUTO -> "Automatic: environment, then Azure CLI, then managed identity";
      case AZURE_CLI -> "Azure CLI (az login)";
      case ENVIRONMENT -> "Service principal from the environment (AZURE_CLIENT_ID, …)";
      case MANAGED_IDENTITY -> "Managed identity of this Azure machine";
      case BROWSER -> "Browser (interactive sign-in)";
      case DEVICE_CODE -> "Device code (shown in the notice bar)";
    };
  }
}
