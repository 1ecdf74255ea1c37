package org.sigmaworkbench.mapping;

import java.util.Comparator;

/** Assertions on where events are placed, whatever placed them. */
public final class Places {
  private Places() {}

  /**
   * Zero when two sources are placed alike ({@link EventSource#samePlace}); for assertions only.
   */
  public static final Comparator<EventSource> BY_PLACE =
      (a, b) -> a.samePlace(b) ? 0 : a.toString().compareTo(b.toString()) < 0 ? -1 : 1;
}
