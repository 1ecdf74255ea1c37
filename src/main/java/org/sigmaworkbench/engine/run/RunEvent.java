package org.sigmaworkbench.engine.run;

import java.util.List;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.engine.Miss;
import org.sigmaworkbench.logs.Event;

/**
 * One event of a run as the listener gets it.
 *
 * @param event the event
 * @param hits the rules of the request that matched it, in the request's order (often none)
 * @param misses with {@link RunOptions#explainMisses()}, every other rule of the request and why it
 *     did not match; else empty
 * @param outsideReach for each hit, why the target's query cannot return the event, or {@code null}
 *     when it can (all {@code null} without {@link RunRequest#reach()})
 */
public record RunEvent(Event event, List<Hit> hits, List<Miss> misses, List<String> outsideReach) {

  /** Why hit {@code i} is outside the target's reach, or {@code null}. */
  public String outside(int i) {
    return outsideReach.get(i);
  }
}
