package org.sigmaworkbench.engine;

import java.util.List;

/**
 * Every sentence a user reads about a run, worded once for the window and the command line: counts
 * ("1 hit", "2 hits"; English nouns whose plural adds "s"), the summary of a run ("8 hits in 18
 * events (a.csv)"), hits outside a query's reach, truncation, correlations, a stopped run.
 */
public final class RunWords {
  private RunWords() {}

  /** {@code n} and the noun, plural unless {@code n} is exactly one: "1 hit", "0 events". */
  public static String count(long n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }

  /** How many of the rows are shown: "3 of 8 hits shown", "1 of 1 hit shown". */
  public static String shown(long shown, long total, String singular) {
    return shown + " of " + count(total, singular) + " shown";
  }

  /**
   * "8 hits in 18 events (a.csv, b.jsonl); 2 more outside the reach of the Azure Monitor query".
   *
   * @param hits hits the query can return (all, without a target)
   * @param logNames the logs, named in parentheses, or {@code null}
   * @param outside hits outside the reach of the target's query
   * @param query the query, as {@link #query} names it, or {@code null} without a target
   */
  public static String hitsIn(long hits, long events, String logNames, long outside, String query) {
    return count(hits, "hit")
        + " in "
        + count(events, "event")
        + (logNames == null ? "" : " (" + logNames + ")")
        + outsideReach(outside, query);
  }

  /**
   * A hunt: "1219 hits by 343 of 2407 rules in 8255 events (929 events hit)", then the hits outside
   * the reach.
   */
  public static String hunt(
      long hits,
      long rulesWithHits,
      long rules,
      long events,
      long eventsHit,
      long outside,
      String query) {
    return count(hits, "hit")
        + " by "
        + rulesWithHits
        + " of "
        + count(rules, "rule")
        + " in "
        + count(events, "event")
        + " ("
        + count(eventsHit, "event")
        + " hit)"
        + outsideReach(outside, query);
  }

  /**
   * A hunt of a rule folder in the window: "12 rules with hits of 340 (3 could not be loaded); 57
   * hits".
   */
  public static String rulesWithHits(long rulesWithHits, long rules, long notLoaded, long hits) {
    return count(rulesWithHits, "rule")
        + " with hits of "
        + rules
        + (notLoaded > 0 ? " (" + notLoaded + " could not be loaded)" : "")
        + "; "
        + count(hits, "hit");
  }

  /** "; 8 more outside the reach of the Microsoft Defender XDR query", or nothing. */
  public static String outsideReach(long outside, String query) {
    return outside == 0 || query == null ? "" : "; " + moreOutside(outside, query);
  }

  /** "8 more outside the reach of the Microsoft Defender XDR query". */
  public static String moreOutside(long outside, String query) {
    return outside + " more outside the reach of " + query;
  }

  /** A hit the target's query cannot return, as a row or a line marks it. */
  public static final String OUTSIDE = "outside the query's reach";

  /** "outside the query's reach: the Defender XDR query reads DeviceProcessEvents, which ...". */
  public static String outsideBecause(String why) {
    return OUTSIDE + ": " + why;
  }

  /** The words with a capital first letter, to start a sentence. */
  public static String capitalized(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** "the Azure Monitor query": a target's query, by the target's short title. */
  public static String query(String targetShortTitle) {
    return "the " + targetShortTitle + " query";
  }

  /** The logs of a run, by file name: "a.csv, b.jsonl". */
  public static String logNames(List<String> names) {
    return String.join(", ", names);
  }

  /** " — showing the hits and the first 50000 events": a run whose limits kept events back. */
  public static String truncated(long maxEvents) {
    return " — showing the hits and the first " + maxEvents + " events";
  }

  /**
   * "3 correlation hits of 2 correlations (8 hits of correlated rules not listed on their own)".
   */
  public static String correlations(long hits, long correlations, long folded) {
    return count(hits, "correlation hit")
        + " of "
        + count(correlations, "correlation")
        + (folded > 0
            ? " (" + count(folded, "hit") + " of correlated rules not listed on their own)"
            : "");
  }

  /** "Reading a.csv, b.jsonl…": logs being read for the first time. */
  public static String reading(List<String> names) {
    return "Reading " + logNames(names) + "…";
  }

  /** "Running the query on workspace 1234abcd……": a rule's query under way on a service. */
  public static String querying(String where) {
    return "Running the query on " + where + (where.endsWith("…") ? "" : "…");
  }

  /** "The query on workspace 1234abcd… was stopped.": a query the user stopped. */
  public static String queryStopped(String where) {
    return "The query on " + where + " was stopped.";
  }

  /** A run the user stopped, with what it had said so far. */
  public static String stopped(String soFar) {
    return "Stopped. " + soFar;
  }
}
