package org.sigmaworkbench.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;

/**
 * A regular expression found anywhere in the value, as KQL's {@code matches regex}: RE2 semantics
 * through RE2J, linear in the length of the value whatever the pattern. Values that lack what every
 * match needs ({@link RegexFacts}) are turned down before the engine runs.
 */
final class RegexTest extends ValueTest implements LiteralScanner.Found {
  private final Pattern pattern;
  private final int minLength;
  private final LiteralScanner[] needs;
  private final RegexFacts.Run run;

  RegexTest(Pattern pattern) {
    this.pattern = pattern;
    RegexFacts facts =
        RegexFacts.of(pattern.pattern(), (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0);
    this.minLength = facts.minLength;
    this.run = facts.run;
    this.needs =
        facts.required.stream()
            .map(g -> new LiteralScanner(new ArrayList<>(g), LiteralScanner.Fold.ASCII))
            .toArray(LiteralScanner[]::new);
  }

  @Override
  boolean test(String v) {
    // Values too short, or without a literal every match holds, cannot match: skip the engine.
    if (v.length() < minLength || (run != null && !run.in(v))) {
      return false;
    }
    for (LiteralScanner n : needs) {
      if (!n.scan(v, this)) {
        return false;
      }
    }
    return pattern.matcher(v).find();
  }

  @Override
  public boolean found(int literal, String value, int start) {
    return true;
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
