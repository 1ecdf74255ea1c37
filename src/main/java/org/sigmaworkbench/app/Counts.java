package org.sigmaworkbench.app;

/** A count said in words, as the window says it everywhere: "1 hit", "2 hits", "0 events". */
final class Counts {
  private Counts() {}

  /** {@code n} and the noun, plural unless {@code n} is exactly one (English "+s" nouns). */
  static String of(long n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }
}
