package org.sigmaworkbench.rule.lint;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which lint checks run: all but the ones switched off by id.
 *
 * @param disabled ids of checks that do not run
 */
public record LintSettings(Set<String> disabled) {

  /** Every check on. */
  public static final LintSettings ALL = new LintSettings(Set.of());

  public LintSettings {
    disabled = Set.copyOf(disabled);
  }

  public boolean enabled(String id) {
    return !disabled.contains(id);
  }

  /** These settings with {@code ids} switched off as well. */
  public LintSettings disabling(Collection<String> ids) {
    Set<String> all = new LinkedHashSet<>(disabled);
    all.addAll(ids);
    return new LintSettings(all);
  }
}
