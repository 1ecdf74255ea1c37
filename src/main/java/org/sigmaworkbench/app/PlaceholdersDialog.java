package org.sigmaworkbench.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.sigmaworkbench.rule.Placeholders;

/**
 * Edits the placeholder table of the {@code expand} modifier: one row per placeholder, its values
 * separated by commas (Sigma strings: {@code *} and {@code ?} are wildcards). The standard
 * placeholders are always listed.
 */
final class PlaceholdersDialog extends Dialog<Placeholders> {

  /** One placeholder with its values as the user types them. */
  static final class Row {
    final SimpleStringProperty name;
    final SimpleStringProperty values;

    Row(String name, String values) {
      this.name = new SimpleStringProperty(name);
      this.values = new SimpleStringProperty(values);
    }
  }

  PlaceholdersDialog(Placeholders current) {
    setTitle("Placeholders");
    setHeaderText(
        "Values that 'expand' puts in place of %name% in rules. A placeholder without values"
            + " matches nothing.\nSeparate values with commas; * and ? are wildcards.");
    TableView<Row> table = new TableView<>();
    table.setId("placeholderTable");
    table.setEditable(true);
    TableColumn<Row, String> name = new TableColumn<>("Placeholder");
    name.setCellValueFactory(d -> d.getValue().name);
    name.setCellFactory(TextFieldTableCell.forTableColumn());
    name.setPrefWidth(200);
    TableColumn<Row, String> values = new TableColumn<>("Values");
    values.setCellValueFactory(d -> d.getValue().values);
    values.setCellFactory(TextFieldTableCell.forTableColumn());
    values.setPrefWidth(380);
    table.getColumns().add(name);
    table.getColumns().add(values);
    for (Map.Entry<String, List<String>> e : current.asMap().entrySet()) {
      table.getItems().add(new Row(e.getKey(), String.join(", ", e.getValue())));
    }
    Button add = new Button("Add");
    add.setOnAction(
        e -> {
          table.getItems().add(new Row("NewPlaceholder", ""));
          table.edit(table.getItems().size() - 1, name);
        });
    Button remove = new Button("Remove");
    remove.setOnAction(
        e -> {
          Row r = table.getSelectionModel().getSelectedItem();
          if (r != null && !Placeholders.STANDARD.contains(r.name.get())) {
            table.getItems().remove(r);
          }
        });
    HBox buttons = new HBox(6, add, remove);
    buttons.setPadding(new Insets(6, 0, 0, 0));
    BorderPane content = new BorderPane(table);
    content.setBottom(buttons);
    content.setPrefSize(600, 360);
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
    setResizable(true);
    setResultConverter(b -> b == ButtonType.OK ? table(table.getItems()) : null);
  }

  /** The table the rows describe; rows without a name are left out. */
  static Placeholders table(List<Row> rows) {
    Placeholders p = Placeholders.standard();
    for (Row r : rows) {
      String n = r.name.get() == null ? "" : r.name.get().strip().replace("%", "");
      if (n.isEmpty()) {
        continue;
      }
      List<String> vs = new ArrayList<>();
      for (String v : Arrays.asList((r.values.get() == null ? "" : r.values.get()).split(","))) {
        if (!v.isBlank()) {
          vs.add(v.strip());
        }
      }
      p = p.with(n, vs);
    }
    return p;
  }
}
