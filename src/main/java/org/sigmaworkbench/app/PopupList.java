package org.sigmaworkbench.app;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Popup;

/**
 * A small list in a popup beside the caret, driven from the editor's keys (the editor keeps the
 * focus): Up and Down move, Enter or Tab accept, Esc closes. Each entry shows a label and, under
 * it, a short description.
 *
 * @param <T> the entries
 */
final class PopupList<T> {

  private final Popup popup = new Popup();
  private final ListView<T> list = new ListView<>();
  private Consumer<T> onAccept = t -> {};

  PopupList(String id, Function<T, String> label, Function<T, String> description) {
    list.setId(id);
    list.getStyleClass().add("assist-list");
    list.setPrefWidth(460);
    list.setFocusTraversable(false);
    list.setCellFactory(
        lv -> {
          ListCell<T> cell =
              new TwoLineCell<>(label, description, "assist-label", "assist-description");
          cell.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && cell.getItem() != null) {
                  accept();
                }
              });
          return cell;
        });
    popup.getContent().add(list);
    popup.setAutoHide(true);
    popup.setHideOnEscape(true);
  }

  void onAccept(Consumer<T> action) {
    this.onAccept = action;
  }

  boolean isShowing() {
    return popup.isShowing();
  }

  ListView<T> list() {
    return list;
  }

  /** Shows {@code items} under the screen rectangle {@code at} of {@code owner}. */
  void show(Node owner, Bounds at, List<T> items) {
    styleLike(popup, owner);
    list.getItems().setAll(items);
    list.getSelectionModel().selectFirst();
    list.scrollTo(0);
    list.setPrefHeight(Math.min(10, Math.max(items.size(), 1)) * 38 + 4);
    if (at == null) {
      Bounds b = owner.localToScreen(owner.getBoundsInLocal());
      popup.show(owner, b.getMinX() + 40, b.getMinY() + 40);
    } else if (popup.isShowing()) {
      popup.setX(at.getMinX());
      popup.setY(at.getMaxY());
    } else {
      popup.show(owner, at.getMinX(), at.getMaxY());
    }
  }

  /** Replaces the entries of a showing list; hides it when there are none. */
  void update(List<T> items) {
    if (items.isEmpty()) {
      hide();
      return;
    }
    list.getItems().setAll(items);
    list.getSelectionModel().selectFirst();
    list.scrollTo(0);
  }

  void hide() {
    popup.hide();
  }

  /** Gives a popup the owner's style sheets (a popup has a scene of its own). */
  static void styleLike(Popup popup, Node owner) {
    if (owner.getScene() != null
        && popup.getScene().getStylesheets().isEmpty()
        && !owner.getScene().getStylesheets().isEmpty()) {
      popup.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
  }

  void move(int by) {
    int n = list.getItems().size();
    if (n == 0) {
      return;
    }
    int i = list.getSelectionModel().getSelectedIndex();
    int next = Math.max(0, Math.min(n - 1, (i < 0 ? 0 : i) + by));
    list.getSelectionModel().select(next);
    list.scrollTo(Math.max(0, next - 4));
  }

  void accept() {
    T item = list.getSelectionModel().getSelectedItem();
    hide();
    if (item != null) {
      onAccept.accept(item);
    }
  }
}
