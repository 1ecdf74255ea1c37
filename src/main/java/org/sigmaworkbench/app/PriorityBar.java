package org.sigmaworkbench.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A pane header that never hides its primary actions: primary nodes are always shown at their
 * preferred width (one flexible node, such as a selector or a status line, may shrink to its
 * minimum); secondary nodes leave the bar one by one, the last added first, for the items of a
 * "More" menu at the end of the bar when the width runs short.
 */
final class PriorityBar extends HBox {

  private record Secondary(Node node, MenuItem item) {}

  private final List<Secondary> secondaries = new ArrayList<>();
  private final MenuButton more = new MenuButton("⋯");
  private double reserve;

  PriorityBar(String moreId) {
    super(8);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("pane-header");
    setPadding(new Insets(4, 8, 4, 8));
    more.setId(moreId);
    more.getStyleClass().add("more-button");
    more.setTooltip(new Tooltip("More actions that do not fit in the bar"));
    more.setMinWidth(Region.USE_PREF_SIZE);
    more.setVisible(false);
    more.managedProperty().bind(more.visibleProperty());
    widthProperty().addListener((o, a, b) -> fit());
  }

  /** Adds an always shown node; it keeps its preferred width unless {@link #flexible} is called. */
  PriorityBar primary(Node n) {
    if (n instanceof Region r && r.getMinWidth() == Region.USE_COMPUTED_SIZE) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    add(n);
    n.managedProperty().addListener((o, a, b) -> fit());
    return this;
  }

  /** Adds the node that shrinks first (down to {@code keep} pixels before secondaries leave). */
  PriorityBar flexible(Region n, double keep) {
    reserve = keep;
    add(n);
    return this;
  }

  /** Adds a node that moves into the More menu, as {@code item}, when the bar is too narrow. */
  PriorityBar secondary(Region n, MenuItem item) {
    n.setMinWidth(Region.USE_PREF_SIZE);
    n.managedProperty().bind(n.visibleProperty());
    item.setVisible(false);
    secondaries.add(new Secondary(n, item));
    more.getItems().add(item);
    add(n);
    return this;
  }

  private void add(Node n) {
    getChildren().remove(more);
    getChildren().addAll(n, more);
  }

  /** Shows as many secondaries as fit, in the order they were added. */
  private void fit() {
    double width = getWidth();
    if (width <= 0) {
      return;
    }
    double used =
        computeMinWidth(-1) - (secondaries.isEmpty() ? 0 : getSpacing() + more.prefWidth(-1));
    double moreWidth = more.prefWidth(-1) + getSpacing();
    boolean room = true;
    for (int i = 0; i < secondaries.size(); i++) {
      Secondary s = secondaries.get(i);
      double need = s.node().prefWidth(-1) + getSpacing();
      boolean lastOne = i == secondaries.size() - 1;
      room = room && used + need + (lastOne ? 0 : moreWidth) <= width;
      if (room) {
        used += need;
      }
      s.node().setVisible(room);
      s.item().setVisible(!room);
    }
    more.setVisible(secondaries.stream().anyMatch(s -> !s.node().isVisible()));
  }

  /** Narrow enough for the secondaries to leave: the primaries, the flexible part, "⋯". */
  @Override
  protected double computeMinWidth(double height) {
    Insets in = getInsets();
    double min = in.getLeft() + in.getRight() + reserve;
    int shown = 0;
    for (Node n : getChildren()) {
      if (n != more && n.isManaged() && !isSecondary(n)) {
        min += n.minWidth(-1) + (shown++ > 0 ? getSpacing() : 0);
      }
    }
    return secondaries.isEmpty() ? min : min + getSpacing() + more.prefWidth(-1);
  }

  private boolean isSecondary(Node n) {
    return secondaries.stream().anyMatch(s -> s.node() == n);
  }

  MenuButton more() {
    return more;
  }
}
