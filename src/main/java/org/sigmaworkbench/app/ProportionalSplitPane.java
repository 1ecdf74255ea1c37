package org.sigmaworkbench.app;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A split pane whose dividers stay at the same fractions of its size when the window is resized
 * (the plain SplitPane hands the extra space out evenly, so a divider wanders). The fractions are
 * the ones last set or dragged while the size stayed the same; a minimum size may push a divider
 * while the window is small, and it comes back when the window grows again.
 */
final class ProportionalSplitPane extends SplitPane {

  private double[] fractions;
  private double lastSize = -1;
  private boolean restoring;

  /** A split pane with its (one) divider first at {@code position}, a fraction of its size. */
  ProportionalSplitPane(Orientation orientation, double position, Node... items) {
    super(items);
    setOrientation(orientation);
    fractions = new double[] {position};
    setDividerPositions(position);
  }

  @Override
  protected void layoutChildren() {
    double size = getOrientation() == Orientation.HORIZONTAL ? getWidth() : getHeight();
    boolean resized = size != lastSize;
    boolean first = lastSize < 0;
    lastSize = size;
    super.layoutChildren();
    if (resized && !first) {
      // The skin has just handed out the change in size its own way: put the fractions back
      // (laid out in the next pass, which must not take them for a user's drag).
      restoring = true;
      setDividerPositions(fractions);
    } else if (restoring) {
      restoring = false;
    } else if (!resized) {
      fractions = getDividerPositions();
    }
  }
}
