package org.sigmaworkbench.workspace;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A rule's query running on a service, with its rows matched when they come: what a window starts
 * from a button, with a listener for the outcome and a cancel. The listener is called once, on the
 * thread that received the answer (a window hands it to its UI thread).
 */
public final class WorkspaceRun {

  /** Hears how the run ends. */
  public interface Listener {
    /** The rows, each with the rule's spans. */
    void rows(QueryResult result, List<MatchedRow> rows);

    /** The query failed, timed out or was cancelled ({@link QueryException#kind()}). */
    void failed(QueryException error);
  }

  private final CompletableFuture<QueryResult> future;

  private WorkspaceRun(CompletableFuture<QueryResult> future) {
    this.future = future;
  }

  /** Sends the query and calls {@code listener} with the matched rows or the error. */
  public static WorkspaceRun start(
      WorkspaceQuery service, QueryRequest request, RowMatcher matcher, Listener listener) {
    return start(service, request, matcher, "query result", listener);
  }

  /**
   * Sends the query and calls {@code listener} with the matched rows, events of the source named
   * {@code source}, or the error.
   */
  public static WorkspaceRun start(
      WorkspaceQuery service,
      QueryRequest request,
      RowMatcher matcher,
      String source,
      Listener listener) {
    CompletableFuture<QueryResult> f = service.submit(request);
    f.whenComplete(
        (result, error) -> {
          if (error == null) {
            List<MatchedRow> rows;
            try {
              rows = matcher.matchAll(result, source);
            } catch (RuntimeException e) {
              listener.failed(
                  new QueryException(
                      QueryException.Kind.SERVICE,
                      "the rows could not be matched: " + e,
                      0,
                      null,
                      0,
                      0,
                      e));
              return;
            }
            listener.rows(result, rows);
            return;
          }
          listener.failed(asQueryException(error));
        });
    return new WorkspaceRun(f);
  }

  /** Aborts the call under way; the listener hears {@link QueryException.Kind#CANCELLED}. */
  public void cancel() {
    future.cancel(true);
  }

  /** Whether the run has ended (rows, error or cancel). */
  public boolean isDone() {
    return future.isDone();
  }

  static QueryException asQueryException(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof QueryException q) {
      return q;
    }
    if (e instanceof CancellationException) {
      return new QueryException(QueryException.Kind.CANCELLED, "the query was cancelled");
    }
    return new QueryException(QueryException.Kind.SERVICE, String.valueOf(e), 0, null, 0, 0, e);
  }
}
