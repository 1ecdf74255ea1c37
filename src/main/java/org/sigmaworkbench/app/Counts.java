package org.sigmaworkbench.app;

/** A count said in words, as the window says it everywhere: "1 hit", "2 hits", "0 events". */
final class Counts {
  private Counts() {}

  /** {@code n} and the noun, plural unless {@code n} is exactly one (English "+s" nouns). */
  static String of(long n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }

  /** How many of the rows are shown: "3 of 8 hits shown", "1 of 1 hit shown". */
  static String shown(long shown, long total, String singular) {
    return shown + " of " + of(total, singular) + " shown";
  }
}
