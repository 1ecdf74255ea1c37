package org.sigmaworkbench.app;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.sigmaworkbench.authoring.Template;

/**
 * The chooser File > New Rule shows: the templates in a list, the first selected; arrows move,
 * Enter (or a double click) opens the chosen one, Esc cancels.
 */
final class TemplateChooser extends Dialog<Template> {

  private final ListView<Template> list = new ListView<>();

  TemplateChooser(List<Template> templates) {
    setTitle("New Rule");
    setHeaderText("Start from a template");
    getDialogPane().setId("templateChooser");
    list.setId("templateList");
    list.getItems().setAll(templates);
    list.setPrefHeight(Math.min(9, templates.size() + 1) * 40.0);
    list.setPrefWidth(620);
    list.setCellFactory(
        v ->
            new TwoLineCell<>(
                Template::name, Template::description, "template-name", "template-description"));
    list.getSelectionModel().selectFirst();
    // A filter: the list's own keys would take Enter and Esc first.
    list.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            choose();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            setResult(null);
            close();
          }
        });
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            choose();
          }
        });
    getDialogPane().setContent(list);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
    // After the dialog has focused its default button, the list takes the keys.
    setOnShown(e -> Platform.runLater(list::requestFocus));
  }

  private void choose() {
    if (list.getSelectionModel().getSelectedItem() != null) {
      setResult(list.getSelectionModel().getSelectedItem());
      close();
    }
  }

  ListView<Template> list() {
    return list;
  }
}
