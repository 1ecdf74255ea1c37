package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;

/**
 * The names (element, attribute, entity and PI names) of one chunk, by their chunk offset. A name
 * is stored once per chunk ({@code next offset, hash, character count, UTF-16 characters, NUL}) and
 * referenced by offset afterwards; this table decodes each one once.
 */
final class ChunkNames {
  private final String[] byOffset = new String[EvtxChunk.SIZE];
  private final int[] used = new int[EvtxChunk.SIZE / 8];
  private int usedCount;

  /** Forgets the names of the previous chunk. */
  void clear() {
    for (int i = 0; i < usedCount; i++) {
      byOffset[used[i]] = null;
    }
    usedCount = 0;
  }

  /** The name stored at a chunk offset. */
  String at(byte[] chunk, int off) {
    if (off >= 0 && off < byOffset.length) {
      String s = byOffset[off];
      if (s != null) {
        return s;
      }
    }
    int len = storedSize(chunk, off);
    if (len < 0) {
      throw new BinXmlException(
          String.format("no valid name at chunk offset 0x%x", off), Math.max(0, off));
    }
    int n = Bytes.u16(chunk, off + 6);
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) Bytes.u16(chunk, off + 8 + 2 * i);
    }
    String s = new String(c).intern();
    byOffset[off] = s;
    if (usedCount < used.length) {
      used[usedCount++] = off;
    } else {
      Arrays.fill(byOffset, null);
      usedCount = 0;
    }
    return s;
  }

  /**
   * The size in bytes of a well-formed name at {@code off} (header, characters and NUL), or -1 when
   * the bytes there are not a name.
   */
  static int storedSize(byte[] chunk, int off) {
    if (off < EvtxChunk.HEADER_SIZE || off + 10 > chunk.length) {
      return -1;
    }
    int n = Bytes.u16(chunk, off + 6);
    int end = off + 8 + 2 * n;
    if (end + 2 > chunk.length || chunk[end] != 0 || chunk[end + 1] != 0) {
      return -1;
    }
    return 8 + 2 * n + 2;
  }
}
