package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.sigmaworkbench.threads.DaemonThreads;

/**
 * An {@link EventStream} whose reader runs ahead on a thread of its own: for large files,
 * splitting, decoding and shaping run beside the matching on the caller's thread, and both cores
 * are used. Events come out in file order, in batches through a small bounded queue: memory stays a
 * few batches whatever the file size. The problems met while reading a batch are handed over with
 * it. The wrapped stream is only ever called from the reading thread once reading has started.
 */
public final class ReadAheadStream implements EventStream {

  /** Files above this size are read ahead. */
  static final long FROM_SIZE = 4L << 20;

  private static final int BATCH = 1024;

  /** A batch ends early past this many bytes of the file, so large events keep memory bounded. */
  private static final long BATCH_BYTES = 4L << 20;

  private static final int QUEUED = 8;

  private record Batch(
      Event[] events,
      int size,
      long bytes,
      List<LogProblem> problems,
      boolean end,
      Throwable error) {}

  private final EventStream inner;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread thread;
  private volatile boolean closed;

  /**
   * The inner stream's {@link EventStream#passedOver} as it changed on the reading thread: {events
   * produced before the change, the new count}, in order.
   */
  private final ConcurrentLinkedQueue<long[]> passedMarks = new ConcurrentLinkedQueue<>();

  // The reading thread's: the inner stream's problems handed over so far, the events it produced,
  // its passed-over count as last seen.
  private int problemsHandedOver;
  private long produced;
  private long passedSeen;

  // The caller's: the batch being handed out and the position in it.
  private final List<LogProblem> problems = new ArrayList<>();
  private Batch current;
  private int index;
  private long bytes;
  private long handedOut;
  private long passedOver;

  private ReadAheadStream(EventStream inner, String fileName) {
    this.inner = inner;
    this.bytes = inner.bytesRead();
    this.thread = DaemonThreads.start("log-reader " + fileName, this::run);
  }

  /** {@code stream} read ahead when {@code file} is large enough for it to pay, else itself. */
  public static EventStream of(EventStream stream, Path file) throws IOException {
    if (Files.size(file) <= FROM_SIZE) {
      return stream;
    }
    return new ReadAheadStream(stream, file.getFileName().toString());
  }

  private void run() {
    try {
      while (!closed) {
        Event[] events = new Event[BATCH];
        int n = 0;
        boolean end = false;
        long from = inner.bytesRead();
        while (n < BATCH && inner.bytesRead() - from < BATCH_BYTES) {
          Event e = produce();
          if (e == null) {
            end = true;
            break;
          }
          events[n++] = e;
        }
        if (!put(new Batch(events, n, inner.bytesRead(), newProblems(), end, null)) || end) {
          return;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      if (!closed) {
        put(new Batch(new Event[0], 0, inner.bytesRead(), newProblems(), true, e));
      }
    }
  }

  /**
   * The inner stream's next event (on the reading thread), noting changes of its passed-over count.
   */
  private Event produce() throws IOException {
    Event e = inner.next();
    long p = inner.passedOver();
    if (p != passedSeen) {
      passedSeen = p;
      passedMarks.add(new long[] {produced, p});
    }
    if (e != null) {
      produced++;
    }
    return e;
  }

  /** The inner stream's problems met since the last call (on the reading thread). */
  private List<LogProblem> newProblems() {
    List<LogProblem> all = inner.problems();
    List<LogProblem> out = new ArrayList<>(0);
    while (problemsHandedOver < all.size()) {
      out.add(all.get(problemsHandedOver++));
    }
    return out;
  }

  private boolean put(Batch b) {
    try {
      while (!closed) {
        if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  @Override
  public Event next() throws IOException {
    Event e = take();
    // Records passed over before this event (all that are left at the end) count now.
    long[] m;
    while ((m = passedMarks.peek()) != null && (e == null || m[0] <= handedOut)) {
      passedOver = m[1];
      passedMarks.poll();
    }
    if (e != null) {
      handedOut++;
    }
    return e;
  }

  /** The next event of the batches, or {@code null} at the end; a batch's problems go along. */
  private Event take() throws IOException {
    while (current == null || index >= current.size()) {
      if (current != null && current.end()) {
        return null;
      }
      try {
        current = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("reading was interrupted");
      }
      index = 0;
      bytes = current.bytes();
      problems.addAll(current.problems());
      Throwable error = current.error();
      if (error instanceof IOException io) {
        throw io;
      }
      if (error instanceof RuntimeException re) {
        throw re;
      }
      if (error instanceof Error er) {
        throw er;
      }
    }
    Event e = current.events()[index];
    current.events()[index++] = null;
    return e;
  }

  @Override
  public long passedOver() {
    return passedOver;
  }

  @Override
  public List<LogProblem> problems() {
    return problems;
  }

  @Override
  public String formatName() {
    return inner.formatName();
  }

  /** Bytes of the file behind the batch being handed out. */
  @Override
  public long bytesRead() {
    return bytes;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    queue.clear();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inner.close();
  }
}
