package org.sigmaworkbench.engine;

import org.sigmaworkbench.rule.LogonIds;

/** Equality of a logon-id field with a number, in either notation ({@link LogonIds}). */
final class LogonIdTest extends ValueTest {
  private final long id;

  LogonIdTest(long id) {
    this.id = id;
  }

  @Override
  boolean test(String v) {
    return LogonIds.holds(v, id);
  }

  @Override
  int cost() {
    return 2;
  }
}
