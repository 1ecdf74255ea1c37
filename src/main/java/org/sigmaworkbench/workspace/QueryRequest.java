package org.sigmaworkbench.workspace;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * What to run.
 *
 * @param query the KQL text, sent as it is
 * @param timespan an ISO 8601 duration ({@code P1D}, {@code PT12H}) the service limits the query's
 *     time range to, or {@code null} for the service's default
 * @param maxRows rows kept at most (more make the result truncated); 0 for no limit
 * @param timeout how long one attempt may take before it is given up
 */
public record QueryRequest(String query, String timespan, int maxRows, Duration timeout) {

  /** The default time an attempt may take: a little over the services' own query limits. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(11);

  public QueryRequest {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the query is empty");
    }
    if (maxRows < 0) {
      throw new IllegalArgumentException("the row limit must be 0 (none) or more");
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timespan != null) {
      checkTimespan(timespan);
    }
  }

  /** A query with the default timeout, no time range and no row limit. */
  public QueryRequest(String query) {
    this(query, null, 0, null);
  }

  /**
   * Checks an ISO 8601 duration ({@code P7D}, {@code PT1H}, {@code P1DT6H}).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static void checkTimespan(String timespan) {
    try {
      Duration.parse(timespan);
      return;
    } catch (DateTimeParseException e) {
      // a period of days, weeks or months?
    }
    try {
      Period.parse(timespan);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + timespan + "' is not an ISO 8601 duration (P1D, PT12H, P7D, P1DT6H)");
    }
  }

  /** The time span as a duration (a month counts 30 days, a year 365). */
  public Duration timespanDuration() {
    if (timespan == null) {
      return null;
    }
    try {
      return Duration.parse(timespan);
    } catch (DateTimeParseException e) {
      Period p = Period.parse(timespan);
      return Duration.ofDays(p.getYears() * 365L + p.getMonths() * 30L + p.getDays());
    }
  }
}
