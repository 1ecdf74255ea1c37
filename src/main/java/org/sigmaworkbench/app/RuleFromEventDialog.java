package org.sigmaworkbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import org.sigmaworkbench.authoring.RuleFromEvent;
import org.sigmaworkbench.authoring.RuleFromEvent.Choice;
import org.sigmaworkbench.authoring.RuleFromEvent.MatchKind;

/**
 * Chooses the fields of an event a new rule matches: one check box per field (CommandLine, Image
 * and ParentImage checked when the event has them) and how its value is matched. Answers the chosen
 * fields, in the event's order.
 */
final class RuleFromEventDialog extends Dialog<List<Choice>> {

  /** Fields checked at first when the event has them. */
  static final Set<String> PRESELECTED = Set.of("CommandLine", "Image", "ParentImage");

  private record Row(String field, CheckBox use, ComboBox<MatchKind> kind) {}

  private final List<Row> rows = new ArrayList<>();

  RuleFromEventDialog(Map<String, String> fields) {
    setTitle("New Rule from Event");
    setHeaderText("Match the checked fields of this event");
    getDialogPane().setId("ruleFromEventDialog");
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(4);
    int r = 0;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String value = f.getValue();
      if (value == null || value.isEmpty()) {
        continue;
      }
      CheckBox use = new CheckBox(f.getKey());
      use.setId("use-" + f.getKey());
      use.setMnemonicParsing(false);
      use.setSelected(PRESELECTED.contains(f.getKey()));
      ComboBox<MatchKind> kind = new ComboBox<>();
      kind.setId("kind-" + f.getKey());
      kind.getItems().setAll(RuleFromEvent.kindsFor(f.getKey(), value));
      kind.getSelectionModel().selectFirst();
      kind.disableProperty().bind(use.selectedProperty().not());
      Label shown = new Label(value.length() > 90 ? value.substring(0, 90) + "…" : value);
      shown.setMnemonicParsing(false);
      grid.addRow(r++, use, kind, shown);
      rows.add(new Row(f.getKey(), use, kind));
    }
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(Math.min(420, r * 30 + 10));
    scroll.setPrefViewportWidth(720);
    getDialogPane().setContent(scroll);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(b -> b == ButtonType.OK ? choices() : null);
  }

  /** The checked fields and how each is matched. */
  List<Choice> choices() {
    List<Choice> out = new ArrayList<>();
    for (Row row : rows) {
      if (row.use().isSelected()) {
        out.add(new Choice(row.field(), row.kind().getValue()));
      }
    }
    return out;
  }
}
