package org.sigmaworkbench.authoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a caret is in (possibly half-written) rule YAML, read from the lines alone so that it works
 * while the text does not parse: the keys above it, whether it is on a key or a value, and the word
 * being written.
 *
 * @param path the keys of the blocks around the caret, outermost first ({@code [detection,
 *     selection]})
 * @param key on a value, the key it belongs to ({@code CommandLine|contains}); on a list item of a
 *     key, that key is the path's last entry and this is {@code null}
 * @param onValue whether the caret is after {@code key:} (or on a list item's scalar)
 * @param listItem whether the line is a list item ({@code - ...})
 * @param lineText what is written on the line before the caret, after the indentation and an item's
 *     dash
 * @param indent the column (0-based) where the line's key or item text begins
 */
public record YamlPosition(
    List<String> path, String key, boolean onValue, boolean listItem, String lineText, int indent) {

  static YamlPosition of(String text, int caret) {
    int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
    String before = text.substring(lineStart, caret);
    int ind = indentOf(before);
    String rest = before.substring(ind);
    boolean item = false;
    int itemIndent = ind;
    while (rest.startsWith("- ") || rest.equals("-")) {
      item = true;
      rest = rest.length() > 1 ? rest.substring(2) : "";
      int more = indentOf(rest);
      ind += 2 + more;
      rest = rest.substring(more);
    }
    String key = null;
    boolean onValue = false;
    int colon = keyColon(rest);
    if (colon >= 0) {
      key = rest.substring(0, colon).trim();
      if (key.length() > 1
          && (key.charAt(0) == '\'' || key.charAt(0) == '"')
          && key.charAt(key.length() - 1) == key.charAt(0)) {
        key = key.substring(1, key.length() - 1);
      }
      onValue = true;
      rest = rest.substring(colon + 1).stripLeading();
    }
    List<String> path = new ArrayList<>();
    // keys of the blocks above: each line with less indentation that is "key:" opens one
    int threshold = item ? itemIndent : ind;
    boolean itemScope = item;
    for (int end = lineStart - 1; end > 0; ) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end);
      end = start - 1;
      if (line.startsWith("---")) {
        break;
      }
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      int li = indentOf(line);
      String content = line.substring(li);
      if (content.startsWith("- ") || content.equals("-")) {
        if (li < threshold) {
          threshold = li;
          itemScope = true;
        }
        continue;
      }
      int c = keyColon(content);
      if (c < 0) {
        continue;
      }
      // nothing but a comment after the colon
      String after = content.substring(c + 1);
      int comment = commentStart(after);
      boolean opens = (comment < 0 ? after : after.substring(0, comment)).isBlank();
      if (li < threshold || (li == threshold && itemScope && opens)) {
        if (!opens) {
          // a scalar key above with less indentation: the caret is not inside it
          threshold = li;
          continue;
        }
        String k = content.substring(0, c).trim();
        path.add(0, k);
        threshold = li;
        itemScope = false;
        if (li == 0) {
          break;
        }
      }
    }
    return new YamlPosition(List.copyOf(path), key, onValue || item, item, rest, ind);
  }

  /** The text after the key's colon (the value written so far), or the line text when no key. */
  String valueText() {
    return lineText;
  }

  boolean at(String... keys) {
    return path.equals(List.of(keys));
  }

  String parent() {
    return path.isEmpty() ? null : path.get(path.size() - 1);
  }

  static int indentOf(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The colon ending a key on a line ("key:" followed by a space or the end), or -1. */
  static int keyColon(String s) {
    int from = 0;
    if (!s.isEmpty() && isQuote(s.charAt(0))) {
      // a quoted key
      int close = closingQuote(s, 0);
      if (close < 0) {
        return -1;
      }
      from = close + 1;
    }
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#' && i > 0 && s.charAt(i - 1) == ' ') {
        return -1;
      }
      if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
        return i;
      }
      if (c == '[' || c == '{') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The index of the {@code #} that starts a comment in a line's text (at its start or after white
   * space, outside quoted scalars), or -1. A quote opens a scalar at the start, after white space,
   * or after {@code [} or {@code ,} in a flow sequence.
   */
  public static int commentStart(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean afterSpace = i == 0 || Character.isWhitespace(s.charAt(i - 1));
      if (isQuote(c) && (afterSpace || s.charAt(i - 1) == '[' || s.charAt(i - 1) == ',')) {
        i = closingQuote(s, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '#' && afterSpace) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  /**
   * The quote closing the one at {@code open} on the line, or -1 when the line does not close it.
   */
  private static int closingQuote(String s, int open) {
    return s.indexOf(s.charAt(open), open + 1);
  }
}
