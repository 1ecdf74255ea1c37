package org.sigmaworkbench.app;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.sigmaworkbench.engine.run.Progress;

/**
 * Hands a run's progress to the FX thread at most every 100 ms (a run reports after each batch of
 * events, far more often than a progress bar can show), and only while that run is still the one
 * shown. Called on the run's thread, which calls it in order: it needs no locks.
 */
final class ProgressPublisher {
  private static final long EVERY_NANOS = 100_000_000L;

  private final Executor fx;
  private final BooleanSupplier stillShown;
  private final DoubleConsumer show;
  private long lastPublished;

  /**
   * @param fx runs work on the FX thread
   * @param stillShown asked on the FX thread: whether the run is still the one shown
   * @param show takes the fraction done, on the FX thread
   */
  ProgressPublisher(Executor fx, BooleanSupplier stillShown, DoubleConsumer show) {
    this.fx = fx;
    this.stillShown = stillShown;
    this.show = show;
  }

  void publish(Progress p) {
    long now = System.nanoTime();
    if (p.totalBytes() > 0 && now - lastPublished > EVERY_NANOS) {
      lastPublished = now;
      fx.execute(
          () -> {
            if (stillShown.getAsBoolean()) {
              show.accept(p.fraction());
            }
          });
    }
  }
}
