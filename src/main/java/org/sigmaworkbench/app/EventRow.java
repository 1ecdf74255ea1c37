package org.sigmaworkbench.app;

import java.util.Objects;
import org.sigmaworkbench.engine.Explanation;
import org.sigmaworkbench.logs.Event;

/**
 * One row of the test table.
 *
 * @param event the event
 * @param explanation why the rule matched it or not; {@code null} when there is no usable rule
 * @param outsideReach for a hit the chosen target's query cannot return, why (its tables do not
 *     hold the event's source); {@code null} otherwise
 */
public record EventRow(Event event, Explanation explanation, String outsideReach) {

  public EventRow(Event event, Explanation explanation) {
    this(event, explanation, null);
  }

  public boolean hit() {
    return explanation != null && explanation.matched();
  }

  /** A hit the target's query can return. */
  public boolean hitInReach() {
    return hit() && outsideReach == null;
  }

  /** The same row with its reach for a query. */
  EventRow withReach(String outside) {
    String o = hit() ? outside : null;
    return Objects.equals(o, outsideReach) ? this : new EventRow(event, explanation, o);
  }
}
