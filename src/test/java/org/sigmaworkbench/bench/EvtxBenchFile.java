package org.sigmaworkbench.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Builds .evtx files for benchmarks from the real chunks of the corpus: every 64 KiB slot of the
 * corpus files that starts with {@code ElfChnk\0}, in file-name order, except the damaged ones no
 * reference reads alike (issue_201's chunk, which libevtx cannot export; the torn chunks of
 * sample_with_a_bad_chunk_magic; chunk 0 of sample-with-zero-data-size-event, cut short by a record
 * of size 0). Chunks are copied byte for byte, so their headers and checksums stay valid; the file
 * header is written new with the chunk count and a correct CRC32. Repeated chunks repeat record
 * ids, which no reader checks.
 *
 * <p>{@code java ... org.sigmaworkbench.bench.EvtxBenchFile CORPUS_EVTX_DIR OUT.evtx MIB} writes a
 * file of whole chunks up to MIB mebibytes (the chunks repeated round-robin).
 */
public final class EvtxBenchFile {
  static final int CHUNK = 65536;
  static final int HEADER = 4096;

  private static final Set<String> SKIPPED_FILES =
      Set.of("issue_201.evtx", "sample_with_a_bad_chunk_magic.evtx");

  private EvtxBenchFile() {}

  /** The clean chunks of the corpus, in file-name order. */
  public static List<byte[]> cleanChunks(Path corpusEvtx) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(corpusEvtx)) {
      files = s.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
    }
    List<byte[]> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (SKIPPED_FILES.contains(name)) {
        continue;
      }
      byte[] b = Files.readAllBytes(f);
      for (int slot = 0; HEADER + (slot + 1) * CHUNK <= b.length; slot++) {
        if (name.equals("sample-with-zero-data-size-event.evtx") && slot == 0) {
          continue;
        }
        int at = HEADER + slot * CHUNK;
        if (Arrays.equals(b, at, at + 8, "ElfChnk\0".getBytes(StandardCharsets.US_ASCII), 0, 8)) {
          out.add(Arrays.copyOfRange(b, at, at + CHUNK));
        }
      }
    }
    return out;
  }

  /** Writes a file of {@code count} chunks, taking {@code chunks} round-robin. */
  public static void write(Path out, List<byte[]> chunks, int count) throws IOException {
    if (count > 0xFFFF) {
      throw new IllegalArgumentException("at most 65535 chunks fit the header's chunk count");
    }
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    h.put("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
    h.putLong(8, 0);
    h.putLong(16, count - 1);
    h.putLong(24, 1);
    h.putInt(32, 128);
    h.putShort(36, (short) 1);
    h.putShort(38, (short) 3);
    h.putShort(40, (short) HEADER);
    h.putShort(42, (short) count);
    h.putInt(120, 0);
    CRC32 crc = new CRC32();
    crc.update(h.array(), 0, 120);
    h.putInt(124, (int) crc.getValue());
    try (OutputStream o = Files.newOutputStream(out)) {
      o.write(h.array());
      for (int i = 0; i < count; i++) {
        o.write(chunks.get(i % chunks.size()));
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: EvtxBenchFile CORPUS_EVTX_DIR OUT.evtx MIB");
      System.exit(2);
    }
    List<byte[]> chunks = cleanChunks(Path.of(args[0]));
    long bytes = Long.parseLong(args[2]) * 1024 * 1024;
    int count = (int) ((bytes - HEADER) / CHUNK);
    write(Path.of(args[1]), chunks, count);
    System.out.println(
        args[1]
            + ": "
            + count
            + " chunks ("
            + chunks.size()
            + " distinct corpus chunks repeated), "
            + (HEADER + (long) count * CHUNK)
            + " bytes");
  }
}
