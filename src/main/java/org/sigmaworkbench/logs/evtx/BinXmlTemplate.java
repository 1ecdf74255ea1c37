package org.sigmaworkbench.logs.evtx;

import org.sigmaworkbench.logs.TextFilter;

/**
 * A binary XML fragment (a template definition, or an element outside any template) compiled once
 * into a flat list of operations, so that each record using it is a walk over these operations with
 * its own substitution values. Element and attribute names are resolved to strings here.
 *
 * <p>Operations, by {@link #kind}:
 *
 * <ul>
 *   <li>{@link #OPEN}: start of element {@link #text}; {@link #arg} is the index of its {@link
 *       #END}, {@link #arg2} the index of the first substitution directly in its content or -1.
 *   <li>{@link #ATTR}: an attribute named {@link #text} ({@link #text2} is {@code
 *       element_attribute}); the next {@link #arg} operations are its value parts.
 *   <li>{@link #LITERAL}: literal text (an attribute value part or element content).
 *   <li>{@link #SUBST}: substitution value {@link #arg}, optional when {@link #arg2} is 1.
 *   <li>{@link #END}: end of element {@link #text}.
 * </ul>
 */
final class BinXmlTemplate {
  static final byte OPEN = 1;
  static final byte ATTR = 2;
  static final byte LITERAL = 3;
  static final byte SUBST = 4;
  static final byte END = 5;

  final byte[] kind;
  final int[] arg;
  final int[] arg2;
  final String[] text;
  final String[] text2;
  final int size;

  /** For an {@link #OPEN}: the index of its first content operation (after its attributes). */
  final int[] content;

  /**
   * For an {@link #OPEN}: its content is nothing but optional substitutions, so the element is
   * dropped when none of them has a value.
   */
  final boolean[] droppable;

  /** Chunk offset just past the compiled bytes. */
  final int endOffset;

  /** Names the compiled bytes refer to outside themselves: their chunk offsets and the names. */
  final int[] externalNameOffsets;

  final String[] externalNames;

  /**
   * Whether every text this template produces (an attribute's value, the text of an element between
   * its child elements) is at most one piece, one literal or one substitution, so that any text an
   * event of it holds is a piece of its template or of one value as stored.
   */
  final boolean onePiece;

  // Whether a literal of the template holds text the filter wants (see staticWanted).
  private TextFilter staticFilter;
  private boolean staticWanted;

  /** The fields of this template's last event and their schema (see {@link ChunkDecoder}). */
  ChunkDecoder.TemplateFields fields;

  BinXmlTemplate(
      byte[] kind,
      int[] arg,
      int[] arg2,
      String[] text,
      String[] text2,
      int size,
      int endOffset,
      int[] externalNameOffsets,
      String[] externalNames) {
    this.kind = kind;
    this.arg = arg;
    this.arg2 = arg2;
    this.text = text;
    this.text2 = text2;
    this.size = size;
    this.endOffset = endOffset;
    this.externalNameOffsets = externalNameOffsets;
    this.externalNames = externalNames;
    this.content = new int[size];
    this.droppable = new boolean[size];
    for (int i = 0; i < size; i++) {
      if (kind[i] != OPEN) {
        continue;
      }
      int c = i + 1;
      while (c < arg[i] && kind[c] == ATTR) {
        c += 1 + arg[c];
      }
      content[i] = c;
      boolean only = c < arg[i];
      for (int k = c; k < arg[i] && only; k++) {
        only = kind[k] == SUBST && arg2[k] == 1;
      }
      droppable[i] = only;
    }
    boolean[] attributePart = new boolean[size];
    boolean single = true;
    for (int i = 0; i < size; i++) {
      if (kind[i] == ATTR) {
        single &= arg[i] <= 1;
        for (int k = i + 1; k <= i + arg[i] && k < size; k++) {
          attributePart[k] = true;
        }
      }
    }
    for (int i = 1; i < size && single; i++) {
      single =
          !(isText(kind[i]) && !attributePart[i] && isText(kind[i - 1]) && !attributePart[i - 1]);
    }
    this.onePiece = single;
  }

  private static boolean isText(byte k) {
    return k == LITERAL || k == SUBST;
  }

  /** Whether some literal text of the template holds text the filter wants. */
  boolean staticWanted(TextFilter filter) {
    if (staticFilter != filter) {
      boolean wanted = false;
      for (int i = 0; i < size && !wanted; i++) {
        wanted = kind[i] == LITERAL && filter.in(text[i]);
      }
      staticWanted = wanted;
      staticFilter = filter;
    }
    return staticWanted;
  }
}
