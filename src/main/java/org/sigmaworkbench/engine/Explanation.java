package org.sigmaworkbench.engine;

import java.util.List;
import java.util.Map;

/**
 * Why a rule did or did not match an event.
 *
 * @param matched whether the rule matched
 * @param identifiers each search identifier of the rule and whether it matched the event
 * @param spans the matched parts of field values (for a hit: those that made it a hit)
 * @param summary one sentence for people ({@code selection matched, but filter_admin excluded it})
 */
public record Explanation(
    boolean matched, Map<String, Boolean> identifiers, List<MatchSpan> spans, String summary) {
  public Explanation {
    identifiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(identifiers));
    spans = List.copyOf(spans);
  }
}
