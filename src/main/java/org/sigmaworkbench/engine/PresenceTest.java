package org.sigmaworkbench.engine;

/**
 * {@code exists} and {@code null}: KQL's {@code isnotempty()} and {@code isempty()}; a missing
 * field and an empty value are the same.
 */
final class PresenceTest extends ValueTest {
  private final boolean present;

  PresenceTest(boolean present) {
    this.present = present;
  }

  @Override
  boolean test(String v) {
    return present != v.isEmpty();
  }

  @Override
  int cost() {
    return 0;
  }
}
