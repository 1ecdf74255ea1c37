package org.sigmaworkbench.logs.evtx;

import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;

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

  // The schema last built from this template's events (read and written by one decoder thread).
  String[] lastNames;
  FieldLayout lastLayout;
  FieldSchema lastSchema;
  int lastChannelSlot = -1;
  int lastEventIdSlot = -1;
  int lastProviderSlot = -1;

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
  }
}
