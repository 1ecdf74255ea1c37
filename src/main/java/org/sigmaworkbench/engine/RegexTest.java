package org.sigmaworkbench.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A regular expression found anywhere in the value, as KQL's {@code matches regex}: RE2 semantics
 * through RE2J, linear in the length of the value whatever the pattern.
 */
final class RegexTest extends ValueTest {
  private final Pattern pattern;

  RegexTest(Pattern pattern) {
    this.pattern = pattern;
  }

  @Override
  boolean test(String v) {
    return pattern.matcher(v).find();
  }

  @Override
  long span(String v) {
    Matcher m = pattern.matcher(v);
    return m.find() ? pack(m.start(), m.end()) : pack(0, 0);
  }

  @Override
  int cost() {
    return 60;
  }
}
