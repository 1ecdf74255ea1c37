package org.sigmaworkbench.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to open a log: what the user overrides of what detection chose, and what the reader may pass
 * over.
 *
 * @param kind the format to read the file as, or {@code null} to detect it from the content
 * @param columnToSigma source column (or field) name to the Sigma field it holds, tried before what
 *     the detected layout says; empty for none
 * @param filter text an event must hold to be returned, or {@code null} for every event; readers
 *     that cannot look at a record's text before building its event ignore it
 * @param buildFirst how many events are returned before the filter applies (a reader may return
 *     some more)
 */
public record ReadOptions(
    LogKind kind, Map<String, String> columnToSigma, TextFilter filter, long buildFirst) {

  /** Detect everything. */
  public static final ReadOptions AUTO = new ReadOptions(null, Map.of());

  public ReadOptions {
    columnToSigma = Map.copyOf(columnToSigma == null ? Map.of() : columnToSigma);
  }

  /** Options without a filter. */
  public ReadOptions(LogKind kind, Map<String, String> columnToSigma) {
    this(kind, columnToSigma, null, 0);
  }

  /** Read as this format. */
  public static ReadOptions as(LogKind kind) {
    return new ReadOptions(kind, Map.of());
  }

  /** These options with another format ({@code null}: detect). */
  public ReadOptions withKind(LogKind newKind) {
    return new ReadOptions(newKind, columnToSigma, filter, buildFirst);
  }

  /** These options with one more column mapped to a Sigma field. */
  public ReadOptions withColumn(String column, String sigmaField) {
    Map<String, String> m = new LinkedHashMap<>(columnToSigma);
    m.put(column, sigmaField);
    return new ReadOptions(kind, m, filter, buildFirst);
  }

  /** These options with a filter ({@code null}: none) for every event. */
  public ReadOptions withFilter(TextFilter newFilter) {
    return withFilter(newFilter, 0);
  }

  /** These options with a filter that applies once {@code first} events have been returned. */
  public ReadOptions withFilter(TextFilter newFilter, long first) {
    return new ReadOptions(kind, columnToSigma, newFilter, Math.max(0, first));
  }
}
