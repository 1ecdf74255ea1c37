package org.sigmaworkbench.logs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the events of a large file ahead on a thread of its own, so that splitting, decoding and
 * shaping run beside the matching on the caller's thread. Events come out in file order, in batches
 * through a small bounded queue: memory stays a few batches whatever the file size. The problems
 * met while reading a batch are handed over with it.
 */
final class ReadAhead implements AutoCloseable {

  /** What the thread reads from; called only from that thread once reading ahead started. */
  interface Producer extends AutoCloseable {
    /** The next event, or {@code null} at the end. */
    Event next() throws IOException;

    /** Bytes of the file behind the events produced so far. */
    long bytesRead();

    /** Moves the problems met since the last call to {@code to}. */
    void drainProblems(List<LogProblem> to);

    @Override
    void close() throws IOException;
  }

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

  private final Producer producer;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread thread;
  private volatile boolean closed;
  private Batch current;
  private int index;
  private long bytes;

  ReadAhead(Producer producer, String fileName) {
    this.producer = producer;
    this.bytes = producer.bytesRead();
    this.thread =
        org.sigmaworkbench.threads.DaemonThreads.start("log-reader " + fileName, this::run);
  }

  private void run() {
    try {
      while (!closed) {
        Event[] events = new Event[BATCH];
        int n = 0;
        boolean end = false;
        long from = producer.bytesRead();
        while (n < BATCH && producer.bytesRead() - from < BATCH_BYTES) {
          Event e = producer.next();
          if (e == null) {
            end = true;
            break;
          }
          events[n++] = e;
        }
        List<LogProblem> problems = new ArrayList<>(0);
        producer.drainProblems(problems);
        if (!put(new Batch(events, n, producer.bytesRead(), problems, end, null)) || end) {
          return;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      if (!closed) {
        List<LogProblem> problems = new ArrayList<>(0);
        producer.drainProblems(problems);
        put(new Batch(new Event[0], 0, producer.bytesRead(), problems, true, e));
      }
    }
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

  /** The next event, or {@code null} at the end; the batch's problems go to {@code problems}. */
  Event next(List<LogProblem> problems) throws IOException {
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

  /** Bytes of the file behind the batch being handed out. */
  long bytesRead() {
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
    producer.close();
  }
}
