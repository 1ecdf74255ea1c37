package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/**
 * Strings in the order added, each with a key that a subclass keeps at the same index of an array
 * of the key's own type (so {@code int} keys stay unboxed); the values and the keys grow together.
 */
abstract class KeyedStrings {
  /** The values by index; the first {@link #count} are in use. */
  String[] values;

  int count;

  KeyedStrings(int capacity) {
    values = new String[capacity];
  }

  /** Grows the subclass's key array to {@code capacity}, keeping its first {@link #count}. */
  abstract void growKeys(int capacity);

  /** Adds a value and returns its index, where the subclass puts its key. */
  final int appendValue(String value) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
      growKeys(count * 2);
    }
    values[count] = value;
    return count++;
  }
}
