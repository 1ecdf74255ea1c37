package org.sigmaworkbench.app;

import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.logs.Event;

/**
 * One row of the test table.
 *
 * @param event the event
 * @param explanation why the rule matched it or not; {@code null} when there is no usable rule
 */
public record EventRow(Event event, Explanation explanation) {
  public boolean hit() {
    return explanation != null && explanation.matched();
  }
}
