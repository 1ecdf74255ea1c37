package org.sigmaworkbench.engine.run;

import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogProblem;

/**
 * What a run found out about one log.
 *
 * @param input the log as it was given
 * @param format the format it was read as; {@code null} when it could not be read, or when its
 *     events were given ({@link LogInput#events()})
 * @param events how many events it holds (records passed over included)
 * @param passedOver records the reader passed over without building them (they held none of the
 *     text the rules need)
 * @param problems records that could not be read, with where
 * @param error why the file could not be read at all, or {@code null}
 * @param kept its events, when the run keeps logs this small ({@link RunOptions#keepLogs}), else
 *     {@code null}
 * @param columns the field names of its first event
 */
public record LogResult(
    LogInput input,
    String format,
    long events,
    long passedOver,
    List<LogProblem> problems,
    String error,
    List<Event> kept,
    List<String> columns) {}
