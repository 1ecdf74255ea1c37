package org.sigmaworkbench.engine;

/**
 * {@code exists} and {@code null}: KQL's {@code isnotempty()} and {@code isempty()}. A field with
 * no value (absent or empty) never reaches a value test ({@link
 * org.sigmaworkbench.rule.Predicate#holdsOnNoValue()} decides there), so a value tested here is
 * present.
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
