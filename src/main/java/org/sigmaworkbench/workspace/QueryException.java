package org.sigmaworkbench.workspace;

/** Why a query gave no result, with the service's own message where it gave one. */
public final class QueryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure. */
  public enum Kind {
    /** The service rejected the query (HTTP 400): syntax, an unknown table or column. */
    BAD_QUERY,
    /** No valid sign-in (HTTP 401, or no token could be had). */
    UNAUTHORIZED,
    /** Signed in, but without the role or permission the query needs (HTTP 403). */
    FORBIDDEN,
    /** The workspace, cluster or database does not exist (HTTP 404). */
    NOT_FOUND,
    /** Too many requests, and the retries allowed ran out (HTTP 429). */
    THROTTLED,
    /** An attempt took longer than the timeout. */
    TIMEOUT,
    /** Cancelled by the caller. */
    CANCELLED,
    /** The service failed (HTTP 5xx) or answered something that is not its protocol. */
    SERVICE,
    /** The service could not be reached. */
    NETWORK
  }

  private final Kind kind;
  private final int status;
  private final String code;
  private final int line;
  private final int column;

  /**
   * @param status the HTTP status, or 0 when there was no response
   * @param code the service's error code ({@code SemanticError}), or {@code null}
   * @param line the 1-based line of the query the error is at, or 0 when the service gave none
   * @param column the 1-based column of that line, or 0
   */
  public QueryException(
      Kind kind, String message, int status, String code, int line, int column, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.line = line;
    this.column = column;
  }

  public QueryException(Kind kind, String message) {
    this(kind, message, 0, null, 0, 0, null);
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The 1-based line in the query the service points at, or 0. */
  public int line() {
    return line;
  }

  /** The 1-based column in that line, or 0. */
  public int column() {
    return column;
  }

  /** Whether the service said where in the query the error is. */
  public boolean hasPosition() {
    return line > 0;
  }
}
