package org.sigmaworkbench.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a rule did or did not match an event.
 *
 * @param matched whether the rule matched
 * @param identifiers every search identifier of the rule, in rule order, and whether it matched
 * @param spans matched parts of field values: for a hit, those that made it a hit (not what held
 *     under a negation); for a miss, every part that held, each with its identifier (a filter that
 *     excluded the event shows here)
 * @param checks each entry of each search identifier and whether it held
 * @param summary one sentence for people ({@code selection matched, but filter_admin excluded it})
 */
public record Explanation(
    boolean matched,
    Map<String, Boolean> identifiers,
    List<MatchSpan> spans,
    List<Check> checks,
    String summary) {
  public Explanation {
    identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    spans = List.copyOf(spans);
    checks = List.copyOf(checks);
  }
}
