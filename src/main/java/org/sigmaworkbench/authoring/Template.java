package org.sigmaworkbench.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A rule or snippet to start from. The body holds {@code ${id}} (a new random UUID), {@code
 * ${date}} (today, YYYY-MM-DD) and one {@code ${caret}} where the caret goes (for a rule, the start
 * of the title's value, which is selected so typing replaces it).
 *
 * @param name what a chooser shows ("Process creation (Windows)")
 * @param description one line about it
 * @param fileName a suggested file name following SigmaHQ's convention
 * @param body the text with placeholders
 */
public record Template(String name, String description, String fileName, String body) {

  static final String CARET = "${caret}";

  /**
   * A rendered template.
   *
   * @param text the text to insert
   * @param caret where the caret goes
   * @param selectionEnd the end of the text to select from the caret (the placeholder title), or
   *     {@code caret} when nothing is selected
   */
  public record Rendered(String text, int caret, int selectionEnd) {}

  /** The text with a fresh id (from {@code ids}) and today's date (from {@code clock}). */
  public Rendered render(Clock clock, Supplier<UUID> ids) {
    String t = body;
    while (t.contains("${id}")) {
      t = t.replaceFirst("\\$\\{id\\}", ids.get().toString());
    }
    t = t.replace("${date}", LocalDate.now(clock).toString());
    int caret = t.indexOf(CARET);
    if (caret < 0) {
      return new Rendered(t, t.length(), t.length());
    }
    t = t.substring(0, caret) + t.substring(caret + CARET.length());
    int lineEnd = t.indexOf('\n', caret);
    int selEnd = lineEnd < 0 ? t.length() : lineEnd;
    if (caret > 0 && t.charAt(caret - 1) == '\n') {
      selEnd = caret; // a snippet: the caret is at a line start, nothing to select
    }
    return new Rendered(t, caret, selEnd);
  }
}
