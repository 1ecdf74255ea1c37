package org.sigmaworkbench.logs.evtx;

import java.util.zip.CRC32;

/**
 * The layout of a 64 KiB chunk: a 512-byte header ({@code ElfChnk\0}, record numbers, the free
 * space offset, checksums, then the common-string and template pointer tables) and event records
 * from offset 512, each {@code **\0\0}, size, record id, write time, binary XML, size again.
 */
final class EvtxChunk {
  static final int SIZE = 0x10000;
  static final int HEADER_SIZE = 512;
  static final int RECORD_HEADER_SIZE = 24;

  /** Signature, size, id, time, and the trailing size copy. */
  static final int MIN_RECORD_SIZE = 28;

  static final int RECORD_SIGNATURE = 0x00002A2A;
  private static final long CHUNK_SIGNATURE = 0x006B6E6843666C45L; // "ElfChnk\0", little-endian

  private EvtxChunk() {}

  static boolean hasSignature(byte[] chunk) {
    return Bytes.i64(chunk, 0) == CHUNK_SIGNATURE;
  }

  static long firstRecordNumber(byte[] chunk) {
    return Bytes.i64(chunk, 8);
  }

  static long lastRecordNumber(byte[] chunk) {
    return Bytes.i64(chunk, 16);
  }

  static long firstRecordId(byte[] chunk) {
    return Bytes.i64(chunk, 24);
  }

  static long lastRecordId(byte[] chunk) {
    return Bytes.i64(chunk, 32);
  }

  static long freeSpaceOffset(byte[] chunk) {
    return Bytes.u32(chunk, 48);
  }

  /** Whether the header checksum (CRC32 of bytes 0-120 and 128-512) matches. */
  static boolean headerChecksumMatches(byte[] chunk) {
    CRC32 crc = new CRC32();
    crc.update(chunk, 0, 120);
    crc.update(chunk, 128, HEADER_SIZE - 128);
    return crc.getValue() == Bytes.u32(chunk, 124);
  }

  /**
   * Whether the records checksum (CRC32 of the bytes from the end of the header to the free space
   * offset) matches, so the records are as their writer left them.
   */
  static boolean recordsChecksumMatches(byte[] chunk, int freeSpaceOffset) {
    if (freeSpaceOffset < HEADER_SIZE || freeSpaceOffset > SIZE) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(chunk, HEADER_SIZE, freeSpaceOffset - HEADER_SIZE);
    return crc.getValue() == Bytes.u32(chunk, 52);
  }
}
