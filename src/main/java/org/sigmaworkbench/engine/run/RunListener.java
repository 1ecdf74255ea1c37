package org.sigmaworkbench.engine.run;

import org.sigmaworkbench.engine.RuleFailure;

/**
 * What a run reports as it goes. Every call comes from the thread that runs the run, in log order:
 * a listener needs no locks of its own.
 */
public interface RunListener {

  /**
   * An event: with hits, or (with {@link RunOptions#everyEvent()}) any event within the limits, or
   * (with {@link RunOptions#explainMisses()}) one some rule did not match.
   */
  void onEvent(RunEvent event);

  /** Progress, after each batch of events. */
  default void onProgress(Progress progress) {}

  /** A log is done (read, or it could not be read). */
  default void onLog(LogResult log) {}

  /** A rule failed on an event and is left out from then on; the others go on. */
  default void onRuleFailure(RuleFailure failure) {}

  /** The run is over (not called when it was cancelled): the last call. */
  default void onDone(RunResult result) {}

  /** A listener for runs whose result is all the caller wants. */
  static RunListener none() {
    return e -> {};
  }
}
