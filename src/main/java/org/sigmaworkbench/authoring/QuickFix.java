package org.sigmaworkbench.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fix for a problem: a title for a menu and the edits that make it, all against the same text
 * (offsets of the text before any of them; they do not overlap).
 *
 * @param title what it does, for a menu ("Replace with attack.stealth")
 * @param code the problem code it fixes ({@code lint.attack-revoked})
 * @param edits the edits, in any order
 */
public record QuickFix(String title, String code, List<TextEdit> edits) {

  public QuickFix {
    edits = List.copyOf(edits);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::offset));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).offset() < sorted.get(i - 1).end()) {
        throw new IllegalArgumentException("overlapping edits in fix '" + title + "'");
      }
    }
  }

  /** The text with every edit made. */
  public String apply(String text) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(TextEdit::offset).reversed());
    StringBuilder b = new StringBuilder(text);
    for (TextEdit e : sorted) {
      b.replace(e.offset(), e.end(), e.replacement());
    }
    return b.toString();
  }

  /**
   * The fix as one replacement of the span from its first to its last edit: what an editor applies
   * as a single change (one undo step).
   */
  public TextEdit asSingleEdit(String text) {
    if (edits.isEmpty()) {
      return new TextEdit(0, 0, "");
    }
    int from = Integer.MAX_VALUE;
    int to = 0;
    for (TextEdit e : edits) {
      from = Math.min(from, e.offset());
      to = Math.max(to, e.end());
    }
    String after = apply(text);
    int newTo = to + after.length() - text.length();
    return new TextEdit(from, to - from, after.substring(from, newTo));
  }
}
