package org.sigmaworkbench.engine.run;

import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.CorrelationHit;
import org.sigmaworkbench.engine.RuleFailure;

/**
 * The outcome of a run.
 *
 * @param logs each log's result, in the order given (up to where a cancelled run stopped)
 * @param rules every rule of the request with its counts, in the request's order
 * @param events events read (records passed over included)
 * @param eventsWithHits events at least one rule of the request matched (outside the reach too)
 * @param outside hits given to the listener that the target's query cannot return
 * @param folded hits of correlated rules counted but not given to the listener ({@link
 *     RunOptions#foldCorrelatedHits})
 * @param correlationHits the hits of the correlations (none when cancelled)
 * @param correlationProblems correlations left out, events without a time
 * @param failures rules that failed during the run and were left out from there
 * @param truncated whether the limits kept events or hits from the listener
 * @param cancelled whether the run was stopped
 */
public record RunResult(
    List<LogResult> logs,
    List<RuleHits> rules,
    long events,
    long eventsWithHits,
    long outside,
    long folded,
    List<CorrelationHit> correlationHits,
    List<String> correlationProblems,
    List<RuleFailure> failures,
    boolean truncated,
    boolean cancelled) {

  /**
   * One rule's counts.
   *
   * @param hits events it matched
   * @param outside of those given to the listener, the ones outside the target's reach
   * @param folded of those, the ones not given to the listener ({@link
   *     RunOptions#foldCorrelatedHits})
   */
  public record RuleHits(CompiledRule rule, long hits, long outside, long folded) {
    /** Hits given to the listener that the target's query can return. */
    public long listedInReach() {
      return hits - outside - folded;
    }
  }

  /** Every hit of every rule (outside the reach and folded included). */
  public long hits() {
    return rules.stream().mapToLong(RuleHits::hits).sum();
  }

  /** Hits the target's query can return: every hit but those outside its reach. */
  public long hitsInReach() {
    return hits() - outside;
  }

  /** Logs that could not be read. */
  public long unreadable() {
    return logs.stream().filter(l -> l.error() != null).count();
  }
}
