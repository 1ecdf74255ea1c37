package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/** A few strings keyed by int, in the order added; looked up by a scan. */
final class IntKeyedStrings extends KeyedStrings {
  private int[] keys;

  IntKeyedStrings(int capacity) {
    super(capacity);
    keys = new int[capacity];
  }

  @Override
  void growKeys(int capacity) {
    keys = Arrays.copyOf(keys, capacity);
  }

  void clear() {
    count = 0;
  }

  void add(int key, String value) {
    int i = appendValue(value);
    keys[i] = key;
  }

  /** The index of the first entry of that key, or -1. */
  int indexOf(int key) {
    for (int i = 0; i < count; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  String value(int index) {
    return values[index];
  }

  int[] keys() {
    return Arrays.copyOf(keys, count);
  }

  String[] values() {
    return Arrays.copyOf(values, count);
  }
}
