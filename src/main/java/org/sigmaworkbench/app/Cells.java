package org.sigmaworkbench.app;

import java.util.function.BiConsumer;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;

/**
 * Cell factories for cells that one function draws: it is given the cell and its item, {@code null}
 * for an empty cell, each time the cell is reused.
 */
final class Cells {
  private Cells() {}

  static <T> Callback<ListView<T>, ListCell<T>> list(BiConsumer<ListCell<T>, T> draw) {
    return view ->
        new ListCell<>() {
          @Override
          protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            draw.accept(this, empty ? null : item);
          }
        };
  }
}
