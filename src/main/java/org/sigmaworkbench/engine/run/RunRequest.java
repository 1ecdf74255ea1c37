package org.sigmaworkbench.engine.run;

import java.util.List;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Correlations;
import org.sigmaworkbench.logs.Event;

/**
 * What to run: rules over logs, how, the correlations to evaluate over their hits and the reach of
 * the target's queries. Start with {@link #of} and add what differs.
 *
 * @param rules the rules whose hits are reported (none: the run only reads, e.g. to show events)
 * @param logs the logs, run in this order
 * @param options how
 * @param correlations correlations evaluated over the hits of the rules they name, over every log
 *     together; a named rule that is not among {@code rules} is matched for them alone
 * @param reach which hits the target's query can return ({@code null}: every hit counts)
 */
public record RunRequest(
    List<CompiledRule> rules,
    List<LogInput> logs,
    RunOptions options,
    Correlations correlations,
    Reach reach) {

  /**
   * Whether the query written for a target can return an event a rule hit. A hit outside the reach
   * is given to the listener with why, and not counted as a hit.
   */
  @FunctionalInterface
  public interface Reach {
    /** Why the rule's query cannot return the event, or {@code null} when it can. */
    String outside(CompiledRule rule, Event event);
  }

  public RunRequest {
    rules = List.copyOf(rules);
    logs = List.copyOf(logs);
  }

  /** The rules over the logs with {@code options}, no correlations, every hit counted. */
  public static RunRequest of(List<CompiledRule> rules, List<LogInput> logs, RunOptions options) {
    return new RunRequest(rules, logs, options, Correlations.none(), null);
  }

  public RunRequest withCorrelations(Correlations c) {
    return new RunRequest(rules, logs, options, c, reach);
  }

  public RunRequest withReach(Reach r) {
    return new RunRequest(rules, logs, options, correlations, r);
  }
}
