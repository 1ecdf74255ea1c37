package org.sigmaworkbench.workspace;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * The HTTP side every service shares: one POST of JSON through azure-core's pipeline (with a bearer
 * token on HTTPS, nothing on loopback HTTP), a timeout per attempt, retries of throttled requests
 * after the wait the service asks for (Retry-After), cancellation that aborts the call under way,
 * and the service's error message with the query position where the service gives one.
 */
abstract class HttpQuery implements WorkspaceQuery {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpHeaderName RETRY_AFTER = HttpHeaderName.fromString("Retry-After");
  private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");
  private static final HttpHeaderName X_MS_RETRY_AFTER_MS =
      HttpHeaderName.fromString("x-ms-retry-after-ms");

  /** One HTTP client for every query of the process: it keeps connections and threads. */
  private static final class Client {
    static final HttpClient HTTP = new JdkHttpClientBuilder().build();
  }

  final Endpoint endpoint;
  private final String scope;
  private final ServiceOptions options;
  private volatile HttpPipeline pipeline;

  HttpQuery(Endpoint endpoint, String scope, ServiceOptions options) {
    this.endpoint = endpoint;
    this.scope = scope;
    this.options = options;
  }

  /** The URL the query is posted to. */
  abstract String url();

  /** The JSON body for a request. */
  abstract ObjectNode body(QueryRequest request);

  /**
   * The columns of a result from the service's list of them: each one's name and type under the
   * names the service gives those ({@code name} and {@code type}, or {@code ColumnName}...).
   */
  static List<QueryResult.Column> columns(JsonNode list, String nameField, String typeField) {
    List<QueryResult.Column> columns = new ArrayList<>();
    for (JsonNode c : list) {
      columns.add(
          new QueryResult.Column(
              c.path(nameField).asText(), QueryResult.kustoType(c.path(typeField).asText(null))));
    }
    return columns;
  }

  /** A row the service writes as an array of cells in column order; a missing cell is null. */
  static List<JsonNode> row(JsonNode cells, int columns) {
    List<JsonNode> row = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      row.add(cells.path(i).isMissingNode() ? JSON.nullNode() : cells.get(i));
    }
    return row;
  }

  /** An answer that is not the service's protocol: what it lacks ({@code without "tables"}). */
  QueryException unreadableAnswer(String how) {
    return new QueryException(QueryException.Kind.SERVICE, describe() + " answered " + how);
  }

  /** The rows of a successful answer (HTTP 2xx), before the row limit. */
  abstract QueryResult parse(JsonNode answer) throws QueryException;

  /** What a 403 means here: the role or permission the identity lacks. */
  abstract String forbiddenHint();

  /** The token scope, for messages. */
  String scope() {
    return scope;
  }

  private HttpPipeline pipeline() {
    HttpPipeline p = pipeline;
    if (p == null) {
      List<HttpPipelinePolicy> policies = new ArrayList<>();
      if (endpoint.sendsCredential()) {
        TokenCredential credential =
            options.credential() == null ? null : options.credential().get();
        if (credential == null) {
          throw new IllegalStateException("no sign-in is set up for " + endpoint);
        }
        policies.add(new BearerTokenAuthenticationPolicy(credential, scope));
      }
      p =
          new HttpPipelineBuilder()
              .httpClient(Client.HTTP)
              .policies(policies.toArray(HttpPipelinePolicy[]::new))
              .build();
      pipeline = p;
    }
    return p;
  }

  @Override
  public CompletableFuture<QueryResult> submit(QueryRequest request) {
    Call call = new Call(request);
    call.attempt(0);
    return call;
  }

  /** An answer as it came: status, headers, body. */
  private record Raw(int status, HttpHeaders headers, byte[] body) {}

  /** One query: its attempts, and a cancel that reaches the call under way. */
  private final class Call extends CompletableFuture<QueryResult> {
    private final QueryRequest request;
    private volatile Disposable current;

    Call(QueryRequest request) {
      this.request = request;
    }

    void attempt(int n) {
      if (isDone()) {
        return;
      }
      Mono<Raw> answer;
      try {
        HttpRequest http =
            new HttpRequest(HttpMethod.POST, url())
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
                .setHeader(HttpHeaderName.ACCEPT, "application/json")
                .setBody(JSON.writeValueAsBytes(body(request)));
        answer =
            pipeline()
                .send(http, Context.NONE)
                .flatMap(
                    r ->
                        r.getBodyAsByteArray()
                            .defaultIfEmpty(new byte[0])
                            .map(b -> new Raw(r.getStatusCode(), r.getHeaders(), b))
                            .doFinally(s -> r.close()))
                .timeout(request.timeout());
      } catch (IOException | RuntimeException e) {
        completeExceptionally(failure(e));
        return;
      }
      Disposable d =
          answer.subscribe(raw -> answered(raw, n), e -> completeExceptionally(failure(e)));
      current = d;
      if (isDone()) {
        d.dispose();
      }
    }

    private void answered(Raw raw, int n) {
      if (isDone()) {
        return;
      }
      if (raw.status() == 429) {
        Duration wait = retryAfter(raw.headers(), n);
        if (n < options.maxRetries() && wait.compareTo(options.longestRetryWait()) <= 0) {
          CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
              .execute(() -> attempt(n + 1));
          return;
        }
        ServiceErrors.Err err = ServiceErrors.parse(raw.body());
        completeExceptionally(
            new QueryException(
                QueryException.Kind.THROTTLED,
                describe()
                    + " is throttling queries"
                    + (n >= options.maxRetries()
                        ? " (still after " + n + (n == 1 ? " retry" : " retries") + ")"
                        : " and asks to wait " + wait.toSeconds() + " s")
                    + (err.message() == null ? "" : ": " + err.message()),
                429,
                err.code(),
                0,
                0,
                null));
        return;
      }
      if (raw.status() >= 300) {
        completeExceptionally(error(raw));
        return;
      }
      try {
        JsonNode answer = JSON.readTree(raw.body());
        if (answer == null || answer.isMissingNode()) {
          throw unreadableAnswer("with an empty body");
        }
        complete(limit(parse(answer), request.maxRows()));
      } catch (QueryException e) {
        completeExceptionally(e);
      } catch (IOException e) {
        completeExceptionally(
            new QueryException(
                QueryException.Kind.SERVICE,
                describe() + " answered with something that is not JSON: " + e.getMessage(),
                raw.status(),
                null,
                0,
                0,
                e));
      } catch (RuntimeException e) {
        completeExceptionally(
            new QueryException(
                QueryException.Kind.SERVICE,
                describe() + " answered in a form this tool does not read: " + e,
                raw.status(),
                null,
                0,
                0,
                e));
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Disposable d = current;
      if (d != null) {
        d.dispose();
      }
      return cancelled;
    }

    private QueryException failure(Throwable t) {
      Throwable e = Exceptions.unwrap(t);
      while ((e instanceof UncheckedIOException
              || e instanceof java.util.concurrent.CompletionException)
          && e.getCause() != null) {
        e = e.getCause();
      }
      if (e instanceof TimeoutException) {
        return new QueryException(
            QueryException.Kind.TIMEOUT,
            describe() + " gave no answer within " + seconds(request.timeout()),
            0,
            null,
            0,
            0,
            e);
      }
      if (e instanceof ClientAuthenticationException) {
        return new QueryException(
            QueryException.Kind.UNAUTHORIZED,
            "sign-in for " + scope + " failed: " + e.getMessage(),
            0,
            null,
            0,
            0,
            e);
      }
      if (e instanceof IOException) {
        return new QueryException(
            QueryException.Kind.NETWORK,
            "cannot reach " + endpoint + ": " + (e.getMessage() == null ? e : e.getMessage()),
            0,
            null,
            0,
            0,
            e);
      }
      return new QueryException(
          QueryException.Kind.SERVICE,
          describe() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
          0,
          null,
          0,
          0,
          e);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** An HTTP error as a message for people: the service's own words, and what is missing. */
  private QueryException error(Raw raw) {
    ServiceErrors.Err err = ServiceErrors.parse(raw.body());
    String said = err.message() == null ? "" : ": " + err.message();
    String where =
        err.line() > 0
            ? " (at line " + err.line() + (err.column() > 0 ? ", column " + err.column() : "") + ")"
            : "";
    int s = raw.status();
    QueryException.Kind kind;
    String text;
    if (s == 400) {
      kind = QueryException.Kind.BAD_QUERY;
      text = describe() + " rejected the query" + where + said;
    } else if (s == 401) {
      kind = QueryException.Kind.UNAUTHORIZED;
      text =
          describe()
              + " did not accept the sign-in: it needs a valid token for "
              + scope
              + (endpoint.sendsCredential() ? "" : " (none is sent to a loopback http endpoint)")
              + said;
    } else if (s == 403) {
      kind = QueryException.Kind.FORBIDDEN;
      text = describe() + " refused the query: " + forbiddenHint() + said;
    } else if (s == 404) {
      kind = QueryException.Kind.NOT_FOUND;
      text = describe() + " was not found at " + endpoint + said;
    } else {
      kind = QueryException.Kind.SERVICE;
      text = describe() + " failed with HTTP " + s + said;
    }
    return new QueryException(kind, text, s, err.code(), err.line(), err.column(), null);
  }

  /** The wait a throttled answer asks for; without one, 1, 2, 4... seconds. */
  static Duration retryAfter(HttpHeaders headers, int attempt) {
    for (HttpHeaderName ms : List.of(RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS)) {
      String v = headers.getValue(ms);
      if (v != null) {
        try {
          return Duration.ofMillis(Math.max(0, Long.parseLong(v.strip())));
        } catch (NumberFormatException e) {
          // try the next header
        }
      }
    }
    String v = headers.getValue(RETRY_AFTER);
    if (v != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip())));
      } catch (NumberFormatException e) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
          return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e2) {
          // no usable wait: back off
        }
      }
    }
    return Duration.ofSeconds(1L << Math.min(attempt, 5));
  }

  /** The result with at most {@code maxRows} rows (0: all); cutting rows marks it truncated. */
  static QueryResult limit(QueryResult r, int maxRows) {
    if (maxRows <= 0 || r.rows().size() <= maxRows) {
      return r;
    }
    return new QueryResult(r.columns(), r.rows().subList(0, maxRows), true, r.partialError());
  }
}
