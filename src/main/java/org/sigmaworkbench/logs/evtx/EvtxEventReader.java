package org.sigmaworkbench.logs.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.TextFilter;

/**
 * Reads a native Windows .evtx file as events, streaming: the file header, then every 64 KiB chunk
 * slot after it, whatever the header's chunk count says (dirty files hold valid chunks past it). A
 * slot is a chunk when it starts with {@code ElfChnk\0}; an all-zero slot is unused space; any
 * other slot within the header's chunk count is reported as a bad chunk, past it it is leftover
 * data and skipped quietly.
 *
 * <p>Chunks are independent, so a small pool decodes the next chunks ahead while events are
 * delivered in file order; at most a few chunks are held at a time. Closing the stream stops the
 * decoders. Bad chunks and records are reported with their byte offsets as {@link LogProblem}s and
 * reading goes on; only a file that is not an .evtx at all, or ends inside its header, fails to
 * open.
 */
public final class EvtxEventReader implements EventStream {

  private final String file;
  private final FileChannel channel;
  private final EvtxFileHeader header;
  private final WindowsLayouts layouts;
  private final TextFilter filter;
  private final long buildFirst;
  private final long fileSize;
  private final int slots;
  private final List<LogProblem> problems = new ArrayList<>();
  private final ConcurrentLinkedQueue<ChunkDecoder> decoders = new ConcurrentLinkedQueue<>();
  private final ExecutorService pool;
  private final int window;
  private final ArrayDeque<Future<DecodedChunk>> inFlight = new ArrayDeque<>();

  private int nextSlot;
  private DecodedChunk current;
  private int index;
  private long record;
  private int chunksFound;
  private int badSlots;
  private boolean finished;
  private long lastRecordOffset = -1;
  private long passedOver;
  private volatile long bytesRead;
  private volatile boolean closed;

  /**
   * Opens a file and reads its header.
   *
   * @param path the .evtx file
   * @param layouts the field layout of an event, by channel and event id (as for event XML)
   * @throws LogFormatException when the file is not an .evtx file or ends inside its header
   */
  public EvtxEventReader(Path path, WindowsLayouts layouts) throws IOException, LogFormatException {
    this(path, layouts, Runtime.getRuntime().availableProcessors(), null, 0);
  }

  /**
   * As {@link #EvtxEventReader(Path, WindowsLayouts)}, with the number of decoder threads (1
   * decodes on the calling thread).
   */
  public EvtxEventReader(Path path, WindowsLayouts layouts, int decoderThreads)
      throws IOException, LogFormatException {
    this(path, layouts, decoderThreads, null, 0);
  }

  /**
   * As {@link #EvtxEventReader(Path, WindowsLayouts)}, with the number of decoder threads (1
   * decodes on the calling thread) and a filter: records in chunks whose records checksum holds are
   * passed over, and counted in {@link #passedOver()}, when their bytes show they hold nothing it
   * wants ({@code null}: every record is decoded). The filter applies to chunks read once {@code
   * buildFirst} events have been returned or passed over (chunks are read a few ahead, so some more
   * events are built).
   */
  public EvtxEventReader(
      Path path, WindowsLayouts layouts, int decoderThreads, TextFilter filter, long buildFirst)
      throws IOException, LogFormatException {
    this.file = path.getFileName().toString();
    this.layouts = layouts;
    this.filter = filter;
    this.buildFirst = buildFirst;
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      this.header = EvtxFileHeader.read(channel, file);
      this.fileSize = channel.size();
    } catch (IOException | LogFormatException | RuntimeException e) {
      channel.close();
      throw e;
    }
    long body = fileSize - EvtxFileHeader.SIZE;
    this.slots = (int) Math.min(Integer.MAX_VALUE, (body + EvtxChunk.SIZE - 1) / EvtxChunk.SIZE);
    checkHeader();
    int threads = Math.max(1, Math.min(Math.min(decoderThreads, 8), slots));
    if (threads > 1) {
      this.pool =
          Executors.newFixedThreadPool(
              threads, org.sigmaworkbench.threads.DaemonThreads.numbered("evtx-decoder"));
      this.window = 3 * threads;
    } else {
      this.pool = null;
      this.window = 1;
    }
    this.bytesRead = EvtxFileHeader.SIZE;
  }

  private void checkHeader() {
    if (!header.checksumMatches()) {
      problems.add(
          new LogProblem(
              file,
              "file header at byte offset 0x0",
              String.format(
                  "the header checksum does not match (stored 0x%08x, computed 0x%08x); the"
                      + " header may be damaged. Chunks are found by their signature, so reading"
                      + " goes on",
                  header.storedChecksum(), header.computedChecksum()),
              false));
    }
    if (header.chunkCount() > slots) {
      // A file cut at a chunk boundary: no chunk is damaged, but whole chunks are missing.
      problems.add(
          new LogProblem(
              file,
              "file header at byte offset 0x2a",
              String.format(
                  "the header announces %d chunks but the file holds %d (it ends at byte offset"
                      + " 0x%x): it looks cut short, and the events of the missing chunks are lost",
                  header.chunkCount(), slots, fileSize),
              false));
    }
    if (header.majorVersion() != 3 || (header.minorVersion() != 1 && header.minorVersion() != 2)) {
      problems.add(
          new LogProblem(
              file,
              "file header at byte offset 0x24",
              "format version "
                  + header.majorVersion()
                  + "."
                  + header.minorVersion()
                  + " is not one this reader knows (3.1 or 3.2); reading it as 3.1",
              false));
    }
  }

  /** The file header as read. */
  EvtxFileHeader header() {
    return header;
  }

  @Override
  public Event next() throws IOException {
    if (closed) {
      return null;
    }
    while (true) {
      DecodedChunk c = current;
      if (c != null) {
        if (index < c.records.size()) {
          DecodedChunk.Decoded d = c.records.get(index++);
          lastRecordOffset = c.fileOffset + d.start();
          bytesRead = c.fileOffset + d.end();
          // Numbered as without a filter: records passed over are events too.
          return new Event(file, record + d.index() + 1, d.schema(), d.values());
        }
        bytesRead = Math.min(fileSize, c.fileOffset + EvtxChunk.SIZE);
        record += c.records.size() + c.passedOver;
        current = null;
      }
      if (closed || finished) {
        return null;
      }
      c = nextChunk();
      if (c == null) {
        finish();
        return null;
      }
      problems.addAll(c.problems);
      passedOver += c.passedOver;
      if (c.valid) {
        chunksFound++;
      } else if (c.garbage) {
        badSlots++;
      }
      current = c;
      index = 0;
    }
  }

  private DecodedChunk nextChunk() throws IOException {
    if (pool == null) {
      return nextSlot < slots ? readSlot(nextSlot++, filtering()) : null;
    }
    fillWindow();
    Future<DecodedChunk> f = inFlight.poll();
    if (f == null) {
      return null;
    }
    try {
      DecodedChunk c = f.get();
      fillWindow();
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      return null;
    } catch (CancellationException e) {
      return null;
    } catch (ExecutionException e) {
      if (closed) {
        return null;
      }
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(file + ": reading failed: " + cause, cause);
    }
  }

  private void fillWindow() {
    while (!closed && inFlight.size() < window && nextSlot < slots) {
      int slot = nextSlot++;
      boolean filtering = filtering();
      inFlight.add(pool.submit(() -> readSlot(slot, filtering)));
    }
  }

  /** Whether a chunk read now may pass over records: every event before it counts. */
  private boolean filtering() {
    return filter != null && record >= buildFirst;
  }

  /** Reads and decodes one chunk slot (on a decoder thread, or the caller's). */
  private DecodedChunk readSlot(int slot, boolean filtering) throws IOException {
    ChunkDecoder d = decoders.poll();
    if (d == null) {
      d = new ChunkDecoder(file, layouts, filter);
    }
    try {
      long offset = EvtxFileHeader.SIZE + (long) slot * EvtxChunk.SIZE;
      int length = readFully(d.chunk, offset);
      if (length < EvtxChunk.SIZE) {
        Arrays.fill(d.chunk, Math.max(0, length), EvtxChunk.SIZE, (byte) 0);
      }
      if (length >= 8 && EvtxChunk.hasSignature(d.chunk)) {
        DecodedChunk c = d.decode(slot, offset, length, () -> closed, filtering);
        c.valid = true;
        return c;
      }
      DecodedChunk c = new DecodedChunk(slot, offset);
      c.length = length;
      if (!Bytes.allZero(d.chunk, 0, EvtxChunk.SIZE)) {
        c.garbage = true;
        if (slot < header.chunkCount()) {
          c.problems.add(
              new LogProblem(
                  file,
                  String.format("chunk %d at byte offset 0x%x", slot, offset),
                  String.format(
                      "no chunk signature ('ElfChnk') where the header says chunk %d of %d is;"
                          + " its 64 KiB are skipped",
                      slot, header.chunkCount()),
                  false));
        }
      }
      return c;
    } catch (ClosedChannelException e) {
      if (closed) {
        return new DecodedChunk(slot, 0);
      }
      throw e;
    } finally {
      decoders.add(d);
    }
  }

  private int readFully(byte[] into, long offset) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(into);
    long pos = offset;
    while (buf.hasRemaining()) {
      int r = channel.read(buf, pos);
      if (r < 0) {
        break;
      }
      pos += r;
    }
    return buf.position();
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    bytesRead = fileSize;
    if (pool != null) {
      pool.shutdown();
    }
    if (chunksFound == 0 && badSlots > 0) {
      problems.add(
          new LogProblem(
              file,
              "",
              "no chunk with the signature 'ElfChnk' in the file's "
                  + slots
                  + " chunk slots after the header; nothing could be read",
              true));
    }
  }

  /** The byte offset in the file of the record the last event came from, or -1. */
  public long lastRecordOffset() {
    return lastRecordOffset;
  }

  @Override
  public List<LogProblem> problems() {
    return problems;
  }

  @Override
  public String formatName() {
    return "Windows .evtx (format " + header.majorVersion() + "." + header.minorVersion() + ")";
  }

  @Override
  public long passedOver() {
    return passedOver;
  }

  @Override
  public long bytesRead() {
    return bytesRead;
  }

  /** Stops reading: pending chunks are dropped, the decoders stop, the file is closed. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (pool != null) {
      for (Future<DecodedChunk> f : inFlight) {
        f.cancel(false);
      }
      pool.shutdown();
    }
    channel.close();
  }
}
