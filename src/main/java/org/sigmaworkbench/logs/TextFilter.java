package org.sigmaworkbench.logs;

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
   * Whether some wanted literal consists only of characters {@code allowed} accepts (ASCII letters
   * are offered in lower case). A reader that renders numbers, times or identifiers into text asks
   * this with the characters such renderings hold, to know whether it must render them to look.
   */
  boolean couldBeMadeOf(IntPredicate allowed);
}
