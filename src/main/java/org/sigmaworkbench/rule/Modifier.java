package org.sigmaworkbench.rule;

import java.util.Locale;
import java.util.Optional;

/** The value modifiers of the Sigma specification 2.1. */
public enum Modifier {
  CONTAINS,
  STARTSWITH,
  ENDSWITH,
  ALL,
  EXISTS,
  CASED,
  NEQ,
  WINDASH,
  RE,
  I,
  M,
  S,
  BASE64,
  BASE64OFFSET,
  UTF16LE,
  UTF16BE,
  UTF16,
  WIDE,
  LT,
  LTE,
  GT,
  GTE,
  MINUTE,
  HOUR,
  DAY,
  WEEK,
  MONTH,
  YEAR,
  CIDR,
  EXPAND,
  FIELDREF;

  public String sigmaName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Modifier> byName(String name) {
    for (Modifier m : values()) {
      if (m.sigmaName().equals(name)) {
        return Optional.of(m);
      }
    }
    // Aliases of the regular expression flags (pySigma spellings).
    return switch (name) {
      case "ignorecase" -> Optional.of(I);
      case "multiline" -> Optional.of(M);
      case "dotall" -> Optional.of(S);
      default -> Optional.empty();
    };
  }
}
