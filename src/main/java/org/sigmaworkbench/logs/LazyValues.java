package org.sigmaworkbench.logs;

/**
 * Decodes an event's values on first use. Decoding is idempotent and the result immutable, so
 * events may be read from several threads.
 */
public interface LazyValues {

  /** The value of a slot, or {@code null} when the record has no such field. */
  String decode(int slot);
}
