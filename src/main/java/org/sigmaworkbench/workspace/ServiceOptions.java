package org.sigmaworkbench.workspace;

import com.azure.core.credential.TokenCredential;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a service is called.
 *
 * @param credential gives the signed-in identity; asked only when a request goes to an HTTPS
 *     endpoint (a loopback HTTP endpoint gets no credential), so may be {@code null} for those
 * @param maxRetries how many times a throttled request (HTTP 429) is sent again
 * @param longestRetryWait the longest wait a service may ask for before a retry; a longer
 *     Retry-After ends the query as throttled, with the wait it asked for in the message
 */
public record ServiceOptions(
    Supplier<TokenCredential> credential, int maxRetries, Duration longestRetryWait) {

  public ServiceOptions {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more");
    }
    longestRetryWait = longestRetryWait == null ? Duration.ofSeconds(60) : longestRetryWait;
  }

  /**
   * Three retries, a minute's wait at most each, signing in as {@code signIn} says when the first
   * token is needed.
   *
   * @param tenant the Entra tenant, or {@code null} for the default
   * @param prompt shows what a person must do to sign in (the device code message)
   */
  public static ServiceOptions of(
      SignIn signIn, String tenant, java.util.function.Consumer<String> prompt) {
    return of(() -> signIn.credential(tenant, prompt));
  }

  /** Three retries, a minute's wait at most each. */
  public static ServiceOptions of(Supplier<TokenCredential> credential) {
    return new ServiceOptions(credential, 3, Duration.ofSeconds(60));
  }
}
