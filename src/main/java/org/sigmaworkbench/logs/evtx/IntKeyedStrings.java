package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/** A few strings keyed by int, in the order added; looked up by a scan. */
final class IntKeyedStrings {
  private int[] keys;
  private String[] values;
  private int size;

  IntKeyedStrings(int capacity) {
    keys = new int[capacity];
    values = new String[capacity];
  }

  void clear() {
    size = 0;
  }

  void add(int key, String value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
  }

  /** The index of the first entry of that key, or -1. */
  int indexOf(int key) {
    for (int i = 0; i < size; i++) {
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
    return Arrays.copyOf(keys, size);
  }

  String[] values() {
    return Arrays.copyOf(values, size);
  }
}
