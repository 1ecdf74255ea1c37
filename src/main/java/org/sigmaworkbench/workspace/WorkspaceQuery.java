package org.sigmaworkbench.workspace;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A service that runs KQL where the logs live: a Log Analytics workspace ({@link
 * LogAnalyticsQuery}), an Azure Data Explorer database ({@link DataExplorerQuery}) or Defender XDR
 * advanced hunting ({@link DefenderHuntingQuery}).
 */
public interface WorkspaceQuery {

  /** Where the query goes, for people ({@code Log Analytics workspace 0000-...}). */
  String describe();

  /**
   * Sends the query. The future completes with the rows, or exceptionally with a {@link
   * QueryException}; cancelling it ({@code cancel(true)}) aborts the HTTP call under way, or the
   * wait before a retry.
   */
  CompletableFuture<QueryResult> submit(QueryRequest request);

  /** Sends the query and waits for the rows. */
  default QueryResult run(QueryRequest request) throws QueryException, InterruptedException {
    CompletableFuture<QueryResult> f = submit(request);
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (CancellationException e) {
      throw new QueryException(QueryException.Kind.CANCELLED, "the query was cancelled");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof QueryException q) {
        throw q;
      }
      throw new QueryException(
          QueryException.Kind.SERVICE, String.valueOf(e.getCause()), 0, null, 0, 0, e.getCause());
    }
  }
}
