package org.sigmaworkbench.authoring;

import java.util.ArrayList;
import java.util.List;

/** Line starts of a text, to turn 1-based line and column into offsets and back. */
final class TextLines {
  private final String text;
  private final int[] starts;

  TextLines(String text) {
    this.text = text;
    List<Integer> s = new ArrayList<>();
    s.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        s.add(i + 1);
      }
    }
    starts = s.stream().mapToInt(Integer::intValue).toArray();
  }

  int count() {
    return starts.length;
  }

  /** Offset of the start of 1-based {@code line} (clamped to the text). */
  int lineStart(int line) {
    if (line < 1) {
      return 0;
    }
    return line > starts.length ? text.length() : starts[line - 1];
  }

  /** Offset just after the line's last char, before its line break. */
  int lineEnd(int line) {
    int start = lineStart(line);
    int end = line < 1 ? 0 : line >= starts.length ? text.length() : starts[line] - 1;
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return Math.max(end, start);
  }

  /** Offset after the line's break (the next line's start, or the text's end). */
  int lineEndWithBreak(int line) {
    return line >= starts.length ? text.length() : starts[line];
  }

  String line(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** Offset of 1-based {@code line} and {@code column}. */
  int offset(int line, int column) {
    int start = lineStart(line);
    return Math.min(start + Math.max(column - 1, 0), lineEnd(line));
  }

  /** 1-based line of an offset. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /** The line break the text uses ("\r\n" when its first line ends so). */
  String lineBreak() {
    int n = text.indexOf('\n');
    return n > 0 && text.charAt(n - 1) == '\r' ? "\r\n" : "\n";
  }
}
