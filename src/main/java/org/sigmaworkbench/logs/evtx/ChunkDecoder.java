package org.sigmaworkbench.logs.evtx;

import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.TextFilter;

/**
 * Decodes the records of one chunk into fields. One decoder per thread; it keeps the chunk's names
 * and compiled templates while it works on that chunk, and forgets them before the next (chunks are
 * independent: every offset in a record is relative to its chunk).
 *
 * <p>Records follow each other from offset 512 up to the chunk's free space offset: signature,
 * size, record id, write time, binary XML ({@link BinXmlWalker}), size again. Zeroes where a record
 * would start end the chunk quietly (never written, or wiped); a bad signature or an impossible
 * size ends it with a problem; a record whose binary XML cannot be followed is skipped with a
 * problem. Events of one template share a {@link FieldSchema} while their field names stay the
 * same.
 */
final class ChunkDecoder {
  private final String file;
  private final WindowsLayouts layouts;
  private final TextFilter filter;
  private final boolean renderedWanted;
  private final FieldCollector fields = new FieldCollector();
  private final BinXmlWalker walker = new BinXmlWalker(fields);

  /** The chunk being decoded; callers fill it before {@link #decode}. */
  final byte[] chunk = new byte[EvtxChunk.SIZE];

  private byte[] b;

  /**
   * @param file the file name, for problems
   * @param layouts the layout of an event by channel and event id
   * @param filter what an event must hold to be decoded, or {@code null} for every event
   */
  ChunkDecoder(String file, WindowsLayouts layouts, TextFilter filter) {
    this.file = file;
    this.layouts = layouts;
    this.filter = filter;
    this.renderedWanted = filter != null && filter.couldBeMadeOf(ValueRenderer::mayRender);
  }

  /**
   * Decodes the records of the chunk in {@link #chunk}.
   *
   * @param slot the chunk's index in the file
   * @param fileOffset the chunk's byte offset in the file
   * @param length how many bytes of the chunk the file holds (64 KiB unless truncated)
   * @param stop polled between records; decoding ends early when it returns true
   * @param filtering whether records the filter does not want may be passed over
   */
  DecodedChunk decode(
      int slot, long fileOffset, int length, BooleanSupplier stop, boolean filtering) {
    DecodedChunk out = new DecodedChunk(slot, fileOffset);
    out.length = length;
    b = chunk;
    walker.startChunk(chunk);
    long free = EvtxChunk.freeSpaceOffset(b);
    int limit =
        free >= EvtxChunk.HEADER_SIZE && free <= EvtxChunk.SIZE ? (int) free : EvtxChunk.SIZE;
    if (limit > length) {
      out.problems.add(
          problem(
              out,
              "",
              String.format(
                  "the file ends after %d of the chunk's 65536 bytes (at byte offset 0x%x); records"
                      + " in the missing part are lost",
                  length, fileOffset + length),
              false));
      limit = length;
    }
    // Records are passed over only where the records checksum holds: damaged records are decoded,
    // and reported, as without a filter.
    boolean passOver =
        filtering && filter != null && limit == free && EvtxChunk.recordsChecksumMatches(b, limit);
    int off = EvtxChunk.HEADER_SIZE;
    int seen = 0;
    while (off + EvtxChunk.RECORD_HEADER_SIZE <= limit) {
      if ((seen & 63) == 0 && stop.getAsBoolean()) {
        break;
      }
      int signature = Bytes.i32(b, off);
      if (signature == 0) {
        // Zeroes where a record would start: the rest of the chunk was never written (or was
        // wiped); Windows, python-evtx and evtx-rs all treat this as the chunk's end.
        break;
      }
      long recordId = Bytes.i64(b, off + 8);
      if (signature != EvtxChunk.RECORD_SIGNATURE) {
        out.problems.add(
            problem(
                out,
                "",
                String.format(
                    "no record signature ('**\\0\\0') at byte offset 0x%x; the rest of the chunk%s"
                        + " is skipped",
                    fileOffset + off, promised(b, seen)),
                false));
        break;
      }
      long size = Bytes.u32(b, off + 4);
      if (size < EvtxChunk.MIN_RECORD_SIZE || off + size > length) {
        out.problems.add(
            problem(
                out,
                ", record " + recordId,
                String.format(
                    "record at byte offset 0x%x has an impossible size of %d bytes (at least 28,"
                        + " and within the chunk); the rest of the chunk%s is skipped",
                    fileOffset + off, size, promised(b, seen)),
                false));
        break;
      }
      int end = off + (int) size;
      seen++;
      if (passOver && passesOver(off, end)) {
        out.passedOver++;
        off = end;
        continue;
      }
      String failure;
      try {
        decodeRecord(out, off, end);
        failure = null;
      } catch (BinXmlException e) {
        failure =
            String.format("%s at byte offset 0x%x", e.getMessage(), fileOffset + e.chunkOffset);
      } catch (IndexOutOfBoundsException e) {
        failure = "its binary XML points outside the chunk";
      } catch (RuntimeException e) {
        // Whatever else a damaged record provokes, it costs that record only.
        failure = "it could not be decoded (" + e + ")";
      }
      if (failure != null) {
        out.problems.add(
            problem(
                out,
                ", record " + recordId,
                String.format("record at byte offset 0x%x skipped: %s", fileOffset + off, failure),
                false));
      }
      off = end;
    }
    b = null;
    return out;
  }

  /** Whether a record holds nothing the filter wants; false when its bytes say otherwise. */
  private boolean passesOver(int off, int end) {
    try {
      return !walker.mayHold(off + EvtxChunk.RECORD_HEADER_SIZE, end - 4, filter, renderedWanted);
    } catch (BinXmlException | IndexOutOfBoundsException e) {
      return false; // decoded, and reported, as without a filter
    }
  }

  /** How many of the records the chunk header announces come after the {@code seen} ones. */
  private static String promised(byte[] b, int seen) {
    long first = EvtxChunk.firstRecordNumber(b);
    long last = EvtxChunk.lastRecordNumber(b);
    if (last >= first && last - first < 100_000) {
      long total = last - first + 1;
      long lost = total - seen;
      if (lost > 0) {
        return " (" + lost + " of its " + total + " records by the chunk header)";
      }
    }
    return "";
  }

  private LogProblem problem(DecodedChunk out, String record, String message, boolean fatal) {
    return new LogProblem(
        file,
        String.format("chunk %d at byte offset 0x%x%s", out.slot, out.fileOffset, record),
        message,
        fatal);
  }

  private void decodeRecord(DecodedChunk out, int off, int end) {
    fields.reset();
    BinXmlTemplate template = walker.walkRecord(off + EvtxChunk.RECORD_HEADER_SIZE, end - 4);
    if (fields.count == 0) {
      throw new BinXmlException("the record holds no event fields", off);
    }
    out.add(schema(template), Arrays.copyOf(fields.values, fields.count), off, end);
  }

  /**
   * The field names of a template's events, where their System fields are, and the schema last
   * built for them (read and written by one decoder thread).
   */
  static final class TemplateFields {
    final String[] names;
    final int channelSlot;
    final int providerSlot;
    final int eventIdSlot;
    FieldLayout layout;
    FieldSchema schema;

    TemplateFields(String[] names) {
      this.names = names;
      List<String> list = Arrays.asList(names);
      this.channelSlot = list.indexOf("Channel");
      this.providerSlot = list.indexOf("Provider_Name");
      this.eventIdSlot = list.indexOf("EventID");
    }
  }

  /** The schema of the fields just collected, reusing the last one built for the template. */
  private FieldSchema schema(BinXmlTemplate t) {
    TemplateFields known = t == null ? null : t.fields;
    if (known == null || !sameNames(known.names, fields.names, fields.count)) {
      known = new TemplateFields(Arrays.copyOf(fields.names, fields.count));
      if (t != null) {
        t.fields = known;
      }
    }
    FieldLayout layout =
        layouts.layout(
            systemValue(known.channelSlot),
            systemValue(known.providerSlot),
            systemValue(known.eventIdSlot));
    if (known.schema == null || layout != known.layout) {
      known.schema = FieldSchema.of(Arrays.asList(known.names), layout);
      known.layout = layout;
    }
    return known.schema;
  }

  private String systemValue(int slot) {
    return slot < 0 ? null : fields.systemValue(slot);
  }

  private static boolean sameNames(String[] a, String[] b, int n) {
    if (a.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i] && !a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }
}
