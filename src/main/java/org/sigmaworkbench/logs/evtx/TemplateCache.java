package org.sigmaworkbench.logs.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Compiled templates kept across the chunks one decoder reads. Windows writes a template's
 * definition again in every chunk that uses it, mostly byte for byte; a definition is reused when
 * its bytes (GUID, size, binary XML) are the same and the names it refers to outside itself are the
 * same names at the same offsets of the new chunk. Only one thread uses a cache.
 */
final class TemplateCache {
  private static final int MAX_TEMPLATES = 4096;

  private record Entry(byte[] bytes, BinXmlTemplate template) {}

  private final Map<Integer, List<Entry>> byHash = new HashMap<>();
  private final CRC32 crc = new CRC32();
  private int size;

  /**
   * The template compiled from the same definition bytes {@code [start, end)} of an earlier chunk
   * with the same outside names, or {@code null}.
   */
  BinXmlTemplate find(byte[] chunk, int start, int end, ChunkNames names) {
    List<Entry> entries = byHash.get(hash(chunk, start, end));
    if (entries == null) {
      return null;
    }
    for (Entry e : entries) {
      if (Arrays.equals(e.bytes, 0, e.bytes.length, chunk, start, end)
          && sameOutsideNames(e.template, chunk, names)) {
        return e.template;
      }
    }
    return null;
  }

  void put(byte[] chunk, int start, int end, BinXmlTemplate t) {
    if (size >= MAX_TEMPLATES) {
      byHash.clear();
      size = 0;
    }
    byHash
        .computeIfAbsent(hash(chunk, start, end), h -> new ArrayList<>(1))
        .add(new Entry(Arrays.copyOfRange(chunk, start, end), t));
    size++;
  }

  private int hash(byte[] chunk, int start, int end) {
    crc.reset();
    crc.update(chunk, start, end - start);
    return (int) crc.getValue();
  }

  private static boolean sameOutsideNames(BinXmlTemplate t, byte[] chunk, ChunkNames names) {
    for (int i = 0; i < t.externalNameOffsets.length; i++) {
      int off = t.externalNameOffsets[i];
      if (ChunkNames.storedSize(chunk, off) < 0
          || !names.at(chunk, off).equals(t.externalNames[i])) {
        return false;
      }
    }
    return true;
  }
}
