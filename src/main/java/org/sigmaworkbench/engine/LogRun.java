package org.sigmaworkbench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.LogReaders;

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

  public static Result run(Path file, List<CompiledRule> rules, Listener listener) {
    long total;
    try {
      total = Files.size(file);
    } catch (IOException e) {
      return new Result(
          file,
          null,
          0,
          0,
          List.of(),
          file.getFileName() + ": cannot read: " + e.getMessage(),
          false);
    }
    try (EventStream stream = LogReaders.open(file)) {
      long events = 0;
      long hitEvents = 0;
      boolean cancelled = false;
      Event e;
      while ((e = stream.next()) != null) {
        events++;
        List<Hit> hits = List.of();
        for (CompiledRule r : rules) {
          if (r.appliesTo(e) && r.matches(e)) {
            if (hits.isEmpty()) {
              hits = new ArrayList<>(2);
            }
            hits.add(new Hit(r, e, r.explain(e)));
          }
        }
        if (!hits.isEmpty()) {
          hitEvents++;
        }
        listener.onEvent(e, hits);
        if ((events & 1023) == 0) {
          listener.onProgress(stream.bytesRead(), total);
          if (listener.cancelled()) {
            cancelled = true;
            break;
          }
        }
      }
      listener.onProgress(total, total);
      if (events == 0) {
        for (LogProblem p : stream.problems()) {
          if (p.fatal()) {
            return new Result(
                file,
                stream.formatName(),
                0,
                0,
                List.copyOf(stream.problems()),
                p.describe(),
                false);
          }
        }
      }
      return new Result(
          file,
          stream.formatName(),
          events,
          hitEvents,
          List.copyOf(stream.problems()),
          null,
          cancelled);
    } catch (LogFormatException ex) {
      return new Result(file, null, 0, 0, List.of(), ex.getMessage(), false);
    } catch (IOException ex) {
      return new Result(
          file,
          null,
          0,
          0,
          List.of(),
          file.getFileName() + ": cannot read: " + ex.getMessage(),
          false);
    }
  }
}
