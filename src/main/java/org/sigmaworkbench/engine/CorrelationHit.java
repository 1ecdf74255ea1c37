package org.sigmaworkbench.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.CorrelationRule;

/**
 * A correlation that held: in one group, over one window, with the events that took part.
 *
 * @param correlation the correlation rule
 * @param group each group-by field (or alias) with the group's value ({@code ""} when the events do
 *     not have the field)
 * @param windowStart the time of the window's first event
 * @param windowEnd {@code windowStart} plus the timespan: the window is from start to end, both
 *     included
 * @param value the count or aggregate the condition compared (for temporal types the number of
 *     distinct rules seen in the window)
 * @param events every event of the group in the window, in time order
 */
public record CorrelationHit(
    CorrelationRule correlation,
    Map<String, String> group,
    Instant windowStart,
    Instant windowEnd,
    Number value,
    List<Member> events) {

  public CorrelationHit {
    group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
    events = List.copyOf(events);
  }

  /**
   * One event in a correlation window.
   *
   * @param file the log file name
   * @param record the record number in that file
   * @param time when it happened
   * @param rule the referenced rule it matched, as the correlation names it
   * @param event the event itself, when the run keeps events ({@code null} otherwise)
   */
  public record Member(String file, long record, Instant time, String rule, Event event) {}

  /** The correlation's title, or its id when it has none. */
  public String title() {
    String t = correlation.meta().title();
    return t == null ? correlation.meta().id() : t;
  }
}
