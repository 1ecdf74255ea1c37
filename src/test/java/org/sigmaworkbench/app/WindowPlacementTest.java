package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** A remembered window place fitted to the screens of this start, without a toolkit. */
class WindowPlacementTest {

  private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1024, 768);
  private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1920, 1080);

  @Test
  void aWindowFromALargeScreenShrinksToTheLaptopsScreenAndStaysOnIt() {
    Rectangle2D at = MainWindow.fitToScreen(96.0, 36.0, 1728, 972, List.of(LAPTOP), LAPTOP);

    assertThat(at).isEqualTo(new Rectangle2D(0, 0, 1024, 768));
  }

  @Test
  void aWindowThatFitsKeepsItsPlaceAndSize() {
    Rectangle2D at = MainWindow.fitToScreen(100.0, 50.0, 1440, 900, List.of(LARGE), LARGE);

    assertThat(at).isEqualTo(new Rectangle2D(100, 50, 1440, 900));
  }

  @Test
  void aWindowHangingOverTheRightEdgeIsMovedBackInside() {
    Rectangle2D at = MainWindow.fitToScreen(900.0, 100.0, 800, 600, List.of(LAPTOP), LAPTOP);

    assertThat(at).isEqualTo(new Rectangle2D(224, 100, 800, 600));
  }

  @Test
  void aWindowOnTheSecondScreenStaysThereFittedToIt() {
    Rectangle2D second = new Rectangle2D(1920, 0, 1280, 1024);
    Rectangle2D at = MainWindow.fitToScreen(2000.0, 10.0, 1600, 900, List.of(LARGE, second), LARGE);

    assertThat(at).isEqualTo(new Rectangle2D(1920, 10, 1280, 900));
  }

  @Test
  void aWindowWhoseScreenIsGoneComesToThePrimaryScreen() {
    Rectangle2D at = MainWindow.fitToScreen(3000.0, 200.0, 1200, 700, List.of(LAPTOP), LAPTOP);

    assertThat(at).isEqualTo(new Rectangle2D(0, 68, 1024, 700));
  }

  @Test
  void withoutARememberedPlaceOnlyTheSizeIsFitted() {
    Rectangle2D at = MainWindow.fitToScreen(null, null, 1728, 972, List.of(LAPTOP), LAPTOP);

    assertThat(at.getWidth()).isEqualTo(1024);
    assertThat(at.getHeight()).isEqualTo(768);
  }
}
