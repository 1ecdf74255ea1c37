package org.sigmaworkbench.kql;

import java.util.LinkedHashSet;
import java.util.Set;

/** What went wrong or deserves a note while a rule is written for one table. */
final class Problems {
  final Set<String> errors = new LinkedHashSet<>();
  final Set<String> warnings = new LinkedHashSet<>();

  /** Fields the table does not map, kept apart so the caller can decide to keep them. */
  final Set<String> unmapped = new LinkedHashSet<>();

  /** Records an error; returns a placeholder condition so writing can go on and find more. */
  Cond error(String message) {
    errors.add(message);
    return new Cond.Constant(false);
  }

  /**
   * Records an error about a rule's field: the field's name in quotes, then {@code template} with
   * {@code args} in its {@code %s} places, so a reader sees the whole sentence in one string.
   */
  Cond fieldError(String field, String template, Object... args) {
    return error("'" + field + "' " + template.formatted(args));
  }

  boolean ok() {
    return errors.isEmpty() && unmapped.isEmpty();
  }
}
