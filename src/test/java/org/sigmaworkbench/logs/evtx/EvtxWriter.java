package org.sigmaworkbench.logs.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Writes small .evtx files for tests, byte by byte after the format: a file header, chunks with
 * correct headers and checksums, records whose binary XML is written through {@link Chunk}'s token
 * methods. Names are stored inline the first time a chunk uses them and referenced after.
 */
final class EvtxWriter {
  private final List<byte[]> chunks = new ArrayList<>();
  private int minorVersion = 1;
  private Integer headerChunkCount;
  private boolean corruptHeaderChecksum;

  EvtxWriter minorVersion(int v) {
    minorVersion = v;
    return this;
  }

  /** The chunk count written in the header (default: the number of chunks added). */
  EvtxWriter headerChunkCount(int n) {
    headerChunkCount = n;
    return this;
  }

  EvtxWriter corruptHeaderChecksum() {
    corruptHeaderChecksum = true;
    return this;
  }

  /** Adds a chunk built by {@code body}. */
  EvtxWriter chunk(Consumer<Chunk> body) {
    Chunk c = new Chunk();
    body.accept(c);
    chunks.add(c.finish());
    return this;
  }

  /** Adds 64 KiB of raw bytes as a chunk slot. */
  EvtxWriter rawSlot(byte[] slot) {
    chunks.add(slot);
    return this;
  }

  byte[] bytes() {
    ByteBuffer h = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    h.put("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
    h.putLong(8, 0);
    h.putLong(16, Math.max(0, chunks.size() - 1));
    h.putLong(24, 1000);
    h.putInt(32, 128);
    h.putShort(36, (short) minorVersion);
    h.putShort(38, (short) 3);
    h.putShort(40, (short) 4096);
    h.putShort(42, (short) (headerChunkCount != null ? headerChunkCount : chunks.size()));
    h.putInt(120, 0);
    CRC32 crc = new CRC32();
    crc.update(h.array(), 0, 120);
    h.putInt(124, (int) crc.getValue() ^ (corruptHeaderChecksum ? 0x5A5A : 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.array());
    for (byte[] c : chunks) {
      out.writeBytes(c);
    }
    return out.toByteArray();
  }

  /** One chunk: records appended from offset 512. */
  static final class Chunk {
    final byte[] b = new byte[65536];
    final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 512;
    private final Map<String, Integer> names = new HashMap<>();
    private long firstRecord = -1;
    private long lastRecord = -1;
    private int lastRecordOffset;

    /** Where the value count of the last template instance written is. */
    int lastValuesAt;

    /** Where each record starts, in order. */
    final List<Integer> recordOffsets = new ArrayList<>();

    /** A record with id {@code id} whose binary XML {@code body} writes. */
    Chunk record(long id, Consumer<Chunk> body) {
      int start = pos;
      recordOffsets.add(start);
      bb.putInt(pos, 0x2A2A);
      bb.putLong(pos + 8, id);
      bb.putLong(pos + 16, 131_000_000_000_000_000L);
      pos += 24;
      body.accept(this);
      int size = pos + 4 - start;
      size = (size + 7) & ~7;
      pos = start + size;
      bb.putInt(start + 4, size);
      bb.putInt(pos - 4, size);
      if (firstRecord < 0) {
        firstRecord = id;
      }
      lastRecord = id;
      lastRecordOffset = start;
      return this;
    }

    /** Raw bytes at the current position. */
    Chunk raw(byte... bytes) {
      System.arraycopy(bytes, 0, b, pos, bytes.length);
      pos += bytes.length;
      return this;
    }

    Chunk u8(int v) {
      b[pos++] = (byte) v;
      return this;
    }

    Chunk u16(int v) {
      bb.putShort(pos, (short) v);
      pos += 2;
      return this;
    }

    Chunk u32(long v) {
      bb.putInt(pos, (int) v);
      pos += 4;
      return this;
    }

    Chunk u64(long v) {
      bb.putLong(pos, v);
      pos += 8;
      return this;
    }

    Chunk fragmentHeader() {
      return raw((byte) 0x0F, (byte) 1, (byte) 1, (byte) 0);
    }

    Chunk eof() {
      return u8(0x00);
    }

    /** A name reference: the offset, then the name itself when the chunk has not stored it. */
    private void name(String name) {
      Integer at = names.get(name);
      if (at != null) {
        u32(at);
        return;
      }
      int here = pos + 4;
      names.put(name, here);
      u32(here);
      u32(0);
      u16(0);
      u16(name.length());
      for (char c : name.toCharArray()) {
        u16(c);
      }
      u16(0);
    }

    /** Element start; attributes follow, then {@link #closeStart} or {@link #closeEmpty}. */
    Chunk open(String name, boolean attributes) {
      u8(attributes ? 0x41 : 0x01);
      u16(0xFFFF);
      u32(0);
      name(name);
      if (attributes) {
        u32(0);
      }
      return this;
    }

    /** Element start without the dependency id (as seen inside BinXml values). */
    Chunk openWithoutDependencyId(String name, boolean attributes) {
      u8(attributes ? 0x41 : 0x01);
      u32(0);
      name(name);
      if (attributes) {
        u32(0);
      }
      return this;
    }

    Chunk attribute(String name, boolean more) {
      u8(more ? 0x46 : 0x06);
      name(name);
      return this;
    }

    Chunk closeStart() {
      return u8(0x02);
    }

    Chunk closeEmpty() {
      return u8(0x03);
    }

    Chunk end() {
      return u8(0x04);
    }

    Chunk text(String s) {
      u8(0x05);
      u8(0x01);
      u16(s.length());
      for (char c : s.toCharArray()) {
        u16(c);
      }
      return this;
    }

    Chunk charRef(char c) {
      u8(0x08);
      return u16(c);
    }

    Chunk entityRef(String name) {
      u8(0x09);
      name(name);
      return this;
    }

    Chunk cdata(String s) {
      u8(0x07);
      u16(s.length());
      for (char c : s.toCharArray()) {
        u16(c);
      }
      return this;
    }

    Chunk subst(int index, int type, boolean optional) {
      u8(optional ? 0x0E : 0x0D);
      u16(index);
      return u8(type);
    }

    /** An element with one substitution as its content. */
    Chunk substElement(String name, int index, int type, boolean optional) {
      return open(name, false).closeStart().subst(index, type, optional).end();
    }

    /**
     * A template instance whose definition is written here (inline); returns the definition's
     * offset through {@code definitionAt} for later instances.
     */
    Chunk templateInstance(int[] definitionAt, Consumer<Chunk> definition, Value... values) {
      u8(0x0C);
      u8(0x01);
      u32(0x1234);
      int defOffsetField = pos;
      u32(0);
      int def = pos;
      bb.putInt(defOffsetField, def);
      definitionAt[0] = def;
      u32(0);
      for (int i = 0; i < 16; i++) {
        u8(i);
      }
      int sizeField = pos;
      u32(0);
      int start = pos;
      fragmentHeader();
      definition.accept(this);
      eof();
      bb.putInt(sizeField, pos - start);
      return values(values);
    }

    /** A template instance of a definition stored earlier in the chunk. */
    Chunk templateInstance(int definitionAt, Value... values) {
      u8(0x0C);
      u8(0x01);
      u32(0x1234);
      u32(definitionAt);
      return values(values);
    }

    private Chunk values(Value... values) {
      lastValuesAt = pos;
      u32(values.length);
      for (Value v : values) {
        u16(v.bytes.length);
        u8(v.type);
        u8(0);
      }
      for (Value v : values) {
        raw(v.bytes);
      }
      return this;
    }

    /**
     * Sets the size of the last template instance's last value, whose bytes are then what was
     * written after the instance (a BinXml value written in place).
     */
    Chunk lastValueSize(int size) {
      int n = bb.getInt(lastValuesAt);
      bb.putShort(lastValuesAt + 4 + 4 * (n - 1), (short) size);
      return this;
    }

    byte[] finish() {
      ByteBuffer h = bb;
      h.put(0, "ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
      h.putLong(8, Math.max(firstRecord, 0));
      h.putLong(16, Math.max(lastRecord, 0));
      h.putLong(24, Math.max(firstRecord, 0));
      h.putLong(32, Math.max(lastRecord, 0));
      h.putInt(40, 128);
      h.putInt(44, lastRecordOffset);
      h.putInt(48, pos);
      CRC32 data = new CRC32();
      data.update(b, 512, pos - 512);
      h.putInt(52, (int) data.getValue());
      h.putInt(120, 1);
      CRC32 crc = new CRC32();
      crc.update(b, 0, 120);
      crc.update(b, 128, 384);
      h.putInt(124, (int) crc.getValue());
      return b;
    }
  }

  /** A substitution value: its type and bytes. */
  record Value(int type, byte[] bytes) {
    static Value of(int type, byte... bytes) {
      return new Value(type, bytes);
    }

    static Value string(String s) {
      return new Value(ValueType.STRING, (s + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    static Value le(int type, long v, int size) {
      ByteBuffer x = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v);
      byte[] out = new byte[size];
      System.arraycopy(x.array(), 0, out, 0, size);
      return new Value(type, out);
    }

    static Value nul() {
      return new Value(ValueType.NULL, new byte[0]);
    }
  }
}
