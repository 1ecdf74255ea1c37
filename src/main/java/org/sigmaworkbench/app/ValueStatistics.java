package org.sigmaworkbench.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.logs.Event;

/**
 * Field to value to count over loaded events, for value completion in the rule editor. The work is
 * capped: at most {@link #MAX_EVENTS} events are counted, values longer than {@link #MAX_VALUE} are
 * left out, and each field keeps at most {@link #MAX_VALUES_PER_FIELD} distinct values (the first
 * seen).
 */
final class ValueStatistics {
  static final int MAX_EVENTS = 50_000;
  static final int MAX_VALUE = 200;
  static final int MAX_VALUES_PER_FIELD = 5_000;

  private ValueStatistics() {}

  /** The counts over the events of {@code logs}, in order, up to the caps. */
  static Map<String, Map<String, Long>> of(List<? extends Iterable<Event>> logs) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    int seen = 0;
    for (Iterable<Event> events : logs) {
      for (Event e : events) {
        if (seen++ >= MAX_EVENTS || Thread.currentThread().isInterrupted()) {
          return out;
        }
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
          String v = f.getValue();
          if (v == null || v.isEmpty() || v.length() > MAX_VALUE) {
            continue;
          }
          Map<String, Long> values = out.computeIfAbsent(f.getKey(), k -> new HashMap<>());
          if (values.containsKey(v) || values.size() < MAX_VALUES_PER_FIELD) {
            values.merge(v, 1L, Long::sum);
          }
        }
      }
    }
    return out;
  }
}
