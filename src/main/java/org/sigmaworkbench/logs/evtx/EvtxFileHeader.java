package org.sigmaworkbench.logs.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import org.sigmaworkbench.logs.LogFormatException;

/**
 * The 4096-byte file header: {@code ElfFile\0}, chunk numbers, next record id, header size, format
 * version (3.1, or 3.2 since Windows 10 2004), chunk count, flags (dirty, full) and a CRC32 of its
 * first 120 bytes.
 *
 * @param majorVersion format major version (3)
 * @param minorVersion format minor version (1 or 2)
 * @param chunkCount chunks the header says are in use; a dirty file can hold valid chunks past it
 * @param nextRecordId the record id the next event would get
 * @param flags bit 0 dirty, bit 1 full
 * @param storedChecksum the checksum in the header
 * @param computedChecksum the CRC32 of the header's first 120 bytes
 */
record EvtxFileHeader(
    int majorVersion,
    int minorVersion,
    int chunkCount,
    long nextRecordId,
    long flags,
    long storedChecksum,
    long computedChecksum) {

  static final int SIZE = 4096;
  private static final byte[] SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

  boolean checksumMatches() {
    return storedChecksum == computedChecksum;
  }

  boolean dirty() {
    return (flags & 1) != 0;
  }

  /**
   * Reads and checks the header.
   *
   * @throws LogFormatException when the file is not an .evtx file or ends inside the header
   */
  static EvtxFileHeader read(FileChannel channel, String fileName)
      throws IOException, LogFormatException {
    long size = channel.size();
    byte[] b = new byte[SIZE];
    ByteBuffer buf = ByteBuffer.wrap(b, 0, (int) Math.min(SIZE, size));
    long pos = 0;
    while (buf.hasRemaining()) {
      int r = channel.read(buf, pos);
      if (r < 0) {
        break;
      }
      pos += r;
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (i >= pos || b[i] != SIGNATURE[i]) {
        throw new LogFormatException(
            fileName
                + ": not a Windows .evtx file: it does not start with the signature 'ElfFile'"
                + " (byte offset 0x0)");
      }
    }
    if (size < SIZE) {
      throw new LogFormatException(
          fileName
              + ": truncated .evtx file: it ends at byte offset 0x"
              + Long.toHexString(size)
              + ", inside the 4096-byte file header (expected the header and then 64 KiB"
              + " chunks)");
    }
    CRC32 crc = new CRC32();
    crc.update(b, 0, 120);
    return new EvtxFileHeader(
        Bytes.u16(b, 38),
        Bytes.u16(b, 36),
        Bytes.u16(b, 42),
        Bytes.i64(b, 24),
        Bytes.u32(b, 120),
        Bytes.u32(b, 124),
        crc.getValue());
  }
}
