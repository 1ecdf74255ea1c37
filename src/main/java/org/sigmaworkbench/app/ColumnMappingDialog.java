package org.sigmaworkbench.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.BorderPane;

/**
 * Lets the user say which Sigma field a column of a log holds, on top of what the format's layout
 * says. The result is the column-to-field map to read the log with.
 */
final class ColumnMappingDialog extends Dialog<Map<String, String>> {

  /** Sigma fields offered in the list (any name can be typed). */
  static final List<String> COMMON_FIELDS =
      List.of(
          "",
          "CommandLine",
          "Image",
          "OriginalFileName",
          "ParentImage",
          "ParentCommandLine",
          "User",
          "ParentUser",
          "ProcessId",
          "ParentProcessId",
          "CurrentDirectory",
          "IntegrityLevel",
          "Hashes",
          "Computer",
          "EventID",
          "Channel",
          "Provider_Name",
          "TargetFilename",
          "TargetObject",
          "Details",
          "DestinationIp",
          "DestinationPort",
          "DestinationHostname",
          "SourceIp",
          "QueryName",
          "ScriptBlockText");

  /** One row: a column of the file and the Sigma field chosen for it. */
  static final class Row {
    final String column;
    final SimpleStringProperty field;

    Row(String column, String field) {
      this.column = column;
      this.field = new SimpleStringProperty(field);
    }
  }

  ColumnMappingDialog(LoadedLog log) {
    setTitle("Map columns of " + log.name());
    setHeaderText(
        "Read as: "
            + (log.format() == null ? "unknown" : log.format())
            + "\nChoose the Sigma field a column holds; leave it empty to keep the format's own mapping.");
    TableView<Row> table = new TableView<>();
    table.setId("columnMapping");
    table.setEditable(true);
    TableColumn<Row, String> column = new TableColumn<>("Column in the file");
    column.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().column));
    column.setPrefWidth(260);
    TableColumn<Row, String> field = new TableColumn<>("Sigma field");
    field.setCellValueFactory(d -> d.getValue().field);
    field.setCellFactory(
        ComboBoxTableCell.forTableColumn(FXCollections.observableArrayList(COMMON_FIELDS)));
    field.setPrefWidth(220);
    field.setEditable(true);
    table.getColumns().add(column);
    table.getColumns().add(field);
    for (String c : log.columns()) {
      table.getItems().add(new Row(c, log.options().columnToSigma().getOrDefault(c, "")));
    }
    table.setPlaceholder(new Label("The log has no events to take columns from."));
    table.setPrefSize(500, 420);
    getDialogPane().setContent(new BorderPane(table));
    getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
    setResizable(true);
    setResultConverter(
        b -> {
          if (b != ButtonType.OK) {
            return null;
          }
          return mapping(table.getItems());
        });
  }

  static Map<String, String> mapping(List<Row> rows) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Row r : rows) {
      String f = r.field.get();
      if (f != null && !f.isBlank()) {
        m.put(r.column, f.strip());
      }
    }
    return m;
  }
}
