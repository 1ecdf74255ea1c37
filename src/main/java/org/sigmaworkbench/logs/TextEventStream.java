package org.sigmaworkbench.logs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers of a decoded text (event XML, JSON) share: the file's name, the problems met,
 * the user's column mapping laid over the layouts a reader picks, and the progress in bytes of the
 * text being read.
 */
public abstract class TextEventStream implements EventStream {

  /** The file's name, for events and problems. */
  protected final String file;

  /** The text being read; {@link #bytesRead()} is its byte count. */
  protected TextInput.Opened input;

  private final List<LogProblem> problems = new ArrayList<>();
  private final Map<String, String> userColumns;
  private final Map<FieldLayout, FieldLayout> userLayouts = new IdentityHashMap<>();

  protected TextEventStream(Path path, ReadOptions options) {
    this.file = path.getFileName().toString();
    this.userColumns = options.columnToSigma();
  }

  /** Reports a problem at {@code where} (a line and column, or empty for the whole file). */
  protected void problem(String where, String message, boolean fatal) {
    problems.add(new LogProblem(file, where, message, fatal));
  }

  /** The layout with the user's column mapping over it, built once per layout. */
  protected FieldLayout withUserColumns(FieldLayout layout) {
    return userColumns.isEmpty()
        ? layout
        : userLayouts.computeIfAbsent(layout, l -> l.withColumns(userColumns));
  }

  /** The format being read as far as the text tells, without the column mapping. */
  protected abstract String textFormatName();

  @Override
  public final String formatName() {
    return EventStream.formatName(textFormatName(), !userColumns.isEmpty());
  }

  @Override
  public final List<LogProblem> problems() {
    return problems;
  }

  @Override
  public final long bytesRead() {
    return input.counter().count();
  }
}
