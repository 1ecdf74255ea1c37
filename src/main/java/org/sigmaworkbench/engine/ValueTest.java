package org.sigmaworkbench.engine;

import org.sigmaworkbench.rule.CaseFolding;
import org.sigmaworkbench.rule.Predicate;

/**
 * One predicate compiled for testing a single value, with KQL's meaning. Only a value that is there
 * and not empty is tested; on no value the outcome is {@link
 * org.sigmaworkbench.rule.Predicate#holdsOnNoValue()}. Thread-safe and allocation-free on the
 * common paths.
 */
abstract class ValueTest {

  /** Whether the value matches; {@code value} is never {@code null} nor empty here. */
  abstract boolean test(String value);

  /** Start and end of the matched part of a matching value, for highlighting. */
  long span(String value) {
    return pack(0, value.length());
  }

  /** A rough relative cost of one test, so cheap tests run first. */
  abstract int cost();

  static long pack(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  static int start(long span) {
    return (int) (span >>> 32);
  }

  static int end(long span) {
    return (int) span;
  }

  /**
   * The test for a predicate on one field.
   *
   * @param anyField true for a keyword, searched in every field: KQL's {@code * contains} folds
   *     ASCII only, so such a value is never compared lower-cased (see {@link CaseFolding})
   */
  static ValueTest of(Predicate p, boolean anyField) {
    if (p instanceof Predicate.StringMatch s) {
      if (s.cased()) {
        return new StringTests.Cased(s.op(), s.text());
      }
      if (!anyField && CaseFolding.lowersBeyondAscii(s.text())) {
        return new StringTests.Lowered(s.op(), s.text());
      }
      return new StringTests.AsciiFolded(s.op(), s.text());
    }
    if (p instanceof Predicate.Wildcard w) {
      ValueTest glob = GlobTest.of(w.pattern(), w.cased());
      return glob != null
          ? glob
          : new RegexTest(com.google.re2j.Pattern.compile(w.pattern().toRegex(w.cased())));
    }
    if (p instanceof Predicate.Regex r) {
      int flags =
          (r.ignoreCase() ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
              | (r.multiline() ? com.google.re2j.Pattern.MULTILINE : 0)
              | (r.dotAll() ? com.google.re2j.Pattern.DOTALL : 0);
      return new RegexTest(com.google.re2j.Pattern.compile(r.pattern(), flags));
    }
    if (p instanceof Predicate.Cidr c) {
      return new CidrTest(c.network(), c.prefixBits());
    }
    if (p instanceof Predicate.Compare c) {
      return NumberTest.of(c.op(), c.number());
    }
    if (p instanceof Predicate.Exists e) {
      return new PresenceTest(e.present());
    }
    if (p instanceof Predicate.IsNull) {
      return new PresenceTest(false);
    }
    if (p instanceof Predicate.DatePart d) {
      return new DatePartTest(d);
    }
    throw new IllegalArgumentException("no value test for " + p);
  }
}
