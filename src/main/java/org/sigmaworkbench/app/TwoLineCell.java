package org.sigmaworkbench.app;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/**
 * A list entry as a name with a line about it underneath (left out when there is none), each in its
 * own CSS class.
 *
 * @param <T> the entries
 */
final class TwoLineCell<T> extends ListCell<T> {
  private final Function<T, String> name;
  private final Function<T, String> about;
  private final Label nameLabel = new Label();
  private final Label aboutLabel = new Label();
  private final VBox box = new VBox(1, nameLabel, aboutLabel);

  TwoLineCell(
      Function<T, String> name, Function<T, String> about, String nameClass, String aboutClass) {
    this.name = name;
    this.about = about;
    nameLabel.getStyleClass().add(nameClass);
    aboutLabel.getStyleClass().add(aboutClass);
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    setText(null);
    if (empty || item == null) {
      setGraphic(null);
      return;
    }
    nameLabel.setText(name.apply(item));
    String d = about.apply(item);
    boolean any = d != null && !d.isEmpty();
    aboutLabel.setText(any ? d : "");
    aboutLabel.setVisible(any);
    aboutLabel.setManaged(any);
    setGraphic(box);
  }
}
