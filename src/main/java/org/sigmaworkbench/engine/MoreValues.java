package org.sigmaworkbench.engine;

import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldSchema;

/**
 * The values of a field of several values (the unnamed {@code <Data>} of an event, all read as
 * {@code Data}). Such a field has no value when none of its values has one (each is absent or
 * empty); otherwise a comparison on it holds when it holds on any of its values that has one, so
 * {@code Data: null} holds only when every value is empty, and {@code Data|contains: x} when some
 * value holds {@code x}.
 */
final class MoreValues {
  private MoreValues() {}

  /**
   * Whether the test holds on the field starting at {@code slot}: on any value that has one, or
   * {@code onNoValue} when no value has one.
   */
  static boolean test(Event e, int slot, ValueTest test, boolean onNoValue) {
    FieldSchema schema = e.schema();
    boolean any = false;
    for (int s = slot; ; s = schema.nextOfSameName(s)) {
      String v = e.value(s);
      if (LeafNode.hasValue(v)) {
        if (test.test(v)) {
          return true;
        }
        any = true;
      }
      if (s < 0 || !schema.hasRepeatedNames()) {
        break;
      }
    }
    return !any && onNoValue;
  }

  /** Whether some value of the field starting at {@code slot} has one (is present, not empty). */
  static boolean hasAnyValue(Event e, int slot) {
    for (int s = slot; s >= 0; s = e.schema().nextOfSameName(s)) {
      if (LeafNode.hasValue(e.value(s))) {
        return true;
      }
    }
    return false;
  }

  /** The slot of the first value that has one and on which the test holds, or -1. */
  static int firstHolding(Event e, int slot, ValueTest test) {
    for (int s = slot; s >= 0; s = e.schema().nextOfSameName(s)) {
      String v = e.value(s);
      if (LeafNode.hasValue(v) && test.test(v)) {
        return s;
      }
    }
    return -1;
  }
}
