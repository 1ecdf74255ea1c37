package org.sigmaworkbench.engine;

import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogProblem;

/** Streams one log file through a set of compiled rules. */
public final class LogRun {

  /** What the run reports as it goes. */
  public interface Listener {
    /** Called for every event with the hits it got (often none). */
    void onEvent(Event event, List<Hit> hits);

    /** Progress in bytes; {@code total} is the file size. */
    default void onProgress(long bytesRead, long total) {}

    /** Polled between events; returning true stops the run. */
    default boolean cancelled() {
      return false;
    }
  }

  /**
   * The outcome for one file.
   *
   * @param file the log
   * @param format the format it was read as, or {@code null} when it could not be read
   * @param events how many events were read
   * @param hits how many events matched at least one rule
   * @param problems records that could not be read, with where
   * @param error why the file could not be read at all, or {@code null}
   * @param cancelled whether the run was stopped before the end
   */
  public record Result(
      Path file,
      String format,
      long events,
      long hits,
      List<LogProblem> problems,
      String error,
      boolean cancelled) {}

  private LogRun() {}

  /**
   * Streams one file through the rules on the calling thread; a {@link Hunt} with one thread and
   * one log.
   */
  public static Result run(Path file, List<CompiledRule> rules, Listener listener) {
    Hunt hunt = new Hunt(rules, new Hunt.Options(1, false));
    Hunt.Result r =
        hunt.run(
            List.of(file),
            new Hunt.Listener() {
              @Override
              public void onEvent(Event event, List<Hit> hits, List<Miss> misses) {
                listener.onEvent(event, hits);
              }

              @Override
              public void onProgress(Path f, long bytesRead, long total) {
                listener.onProgress(bytesRead, total);
              }

              @Override
              public boolean cancelled() {
                return listener.cancelled();
              }
            });
    return r.files().get(0);
  }
}
