package org.sigmaworkbench.export;

import java.time.Duration;

/**
 * Schedule and state given on the command line or in the window.
 *
 * @param frequency how often the rule runs, or {@code null} for the default (1 hour)
 * @param period how far back each run looks, or {@code null}: the frequency, or a correlation's
 *     time span when that is longer
 * @param threshold an alert is raised when the query returns more rows than this
 * @param enable turn the rule on whatever its Sigma status
 */
public record ExportOptions(Duration frequency, Duration period, int threshold, boolean enable) {

  /** The defaults: hourly, looking back one hour, any row alerts, on for stable and test rules. */
  public static final ExportOptions DEFAULT = new ExportOptions(null, null, 0, false);
}
