package org.sigmaworkbench.logs;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/**
 * Text an event must hold for anyone to want it: at least one of a set of literals, compared as the
 * matcher compares them. A reader given a filter in its {@link ReadOptions} may pass over records
 * that hold none of the literals anywhere in their text, without building their events; it counts
 * them ({@link EventStream#passedOver()}). A filter says no only where no wanted literal can be, so
 * passing over loses nothing the filter's user would want.
 */
public interface TextFilter {

  /** Whether some wanted literal occurs in {@code text}. */
  boolean in(CharSequence text);

  /**
   * Whether some wanted literal occurs in the UTF-16LE text of {@code bytes[offset, offset +
   * length)} (an odd last byte is ignored).
   */
  boolean inUtf16le(byte[] bytes, int offset, int length);

  /**
   * Whether some wanted literal occurs in the UTF-8 text of {@code bytes[offset, offset + length)},
   * read as a UTF-8 decoder reads it (malformed bytes as U+FFFD).
   */
  default boolean inUtf8(byte[] bytes, int offset, int length) {
    return in(new String(bytes, offset, length, StandardCharsets.UTF_8));
  }

  /**
   * Whether some wanted literal may hold {@code c} (an ASCII character other than a letter). A
   * reader whose stored text writes {@code c} otherwise than its events hold it (a doubled quote in
   * a quoted CSV field), or whose events join two stored values with it, asks this to know whether
   * the stored text alone can tell.
   */
  default boolean mayHold(char c) {
    return true;
  }

  /**
   * Whether some wanted literal consists only of characters {@code allowed} accepts (ASCII letters
   * are offered in lower case). A reader that renders numbers, times or identifiers into text asks
   * this with the characters such renderings hold, to know whether it must render them to look.
   */
  boolean couldBeMadeOf(IntPredicate allowed);
}
