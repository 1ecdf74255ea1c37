package org.sigmaworkbench.engine.run;

import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.ReadOptions;

/**
 * One log of a run: a file read with {@code options}, or the events of a file read before ({@code
 * events}, as a run kept them in {@link LogResult#kept()}), which are not read again.
 *
 * @param path the file
 * @param options how to read it (format, column mapping); {@link ReadOptions#AUTO} detects
 * @param events the events already read, or {@code null} to read the file
 */
public record LogInput(Path path, ReadOptions options, List<Event> events) {

  /** A file, its format detected from its content. */
  public static LogInput file(Path path) {
    return new LogInput(path, ReadOptions.AUTO, null);
  }

  /** A file read as {@code options} say. */
  public static LogInput file(Path path, ReadOptions options) {
    return new LogInput(path, options, null);
  }

  /** Each file, its format detected from its content. */
  public static List<LogInput> files(List<Path> paths) {
    return paths.stream().map(LogInput::file).toList();
  }

  /** Events of {@code path} read before. */
  public static LogInput events(Path path, ReadOptions options, List<Event> events) {
    return new LogInput(path, options, List.copyOf(events));
  }
}
