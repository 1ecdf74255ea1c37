package org.sigmaworkbench.rule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

  private static final Map<String, Modifier> BY_NAME = byName();

  private static Map<String, Modifier> byName() {
    Map<String, Modifier> m = new HashMap<>();
    for (Modifier mod : values()) {
      m.put(mod.sigmaName(), mod);
    }
    // Aliases of the regular expression flags (pySigma spellings).
    m.put("ignorecase", I);
    m.put("multiline", M);
    m.put("dotall", S);
    return Map.copyOf(m);
  }

  /** The modifier a key names ({@code contains}, or a flag alias such as {@code ignorecase}). */
  public static Optional<Modifier> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
