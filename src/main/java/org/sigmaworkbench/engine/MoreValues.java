package org.sigmaworkbench.engine;

import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldSchema;

/**
 * The further values of a field of several values (the unnamed {@code <Data>} of an event, all read
 * as {@code Data}): a comparison on such a field holds when it holds on any of its values, as the
 * first value alone is tested first by the nodes.
 */
final class MoreValues {
  private MoreValues() {}

  /** Whether the test holds on a value of a later slot of the same field as {@code slot}. */
  static boolean anyLater(Event e, int slot, ValueTest test) {
    FieldSchema schema = e.schema();
    for (int s = schema.nextOfSameName(slot); s >= 0; s = schema.nextOfSameName(s)) {
      String v = e.value(s);
      if (test.test(v == null ? "" : v)) {
        return true;
      }
    }
    return false;
  }

  /** The slot of the first value of the field on which the test holds, or -1. */
  static int firstHolding(Event e, int slot, ValueTest test) {
    for (int s = slot; s >= 0; s = e.schema().nextOfSameName(s)) {
      String v = e.value(s);
      if (v != null && test.test(v)) {
        return s;
      }
    }
    return -1;
  }
}
