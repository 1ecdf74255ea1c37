package org.sigmaworkbench.authoring;

/**
 * One completion entry.
 *
 * @param text what is inserted in place of the word at the caret
 * @param label what the list shows
 * @param description a short explanation beside it
 * @param kind what sort of thing it is
 */
public record Completion(String text, String label, String description, Kind kind) {

  /** What an entry completes. */
  public enum Kind {
    KEY,
    VALUE,
    FIELD,
    MODIFIER,
    TAG,
    IDENTIFIER,
    OPERATOR,
    LOGGED_VALUE
  }
}
