package org.sigmaworkbench.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An {@link EventStream} whose reader runs ahead on a thread of its own ({@link ReadAhead}): for
 * large files, reading and the caller's matching use both cores. The wrapped stream is only ever
 * called from the reading thread once reading has started.
 */
public final class ReadAheadStream implements EventStream {

  /** Files above this size are read ahead. */
  static final long FROM_SIZE = 4L << 20;

  private final EventStream inner;
  private final ReadAhead ahead;
  private final List<LogProblem> problems = new ArrayList<>();

  /**
   * The inner stream's {@link EventStream#passedOver} as it changed on the reading thread: {events
   * produced before the change, the new count}, in order.
   */
  private final ConcurrentLinkedQueue<long[]> passedMarks = new ConcurrentLinkedQueue<>();

  private long handedOut;
  private long passedOver;

  private ReadAheadStream(EventStream inner, String fileName) {
    this.inner = inner;
    this.ahead =
        new ReadAhead(
            new ReadAhead.Producer() {
              private int handedOver;
              private long produced;
              private long passed;

              @Override
              public Event next() throws IOException {
                Event e = inner.next();
                long p = inner.passedOver();
                if (p != passed) {
                  passed = p;
                  passedMarks.add(new long[] {produced, p});
                }
                if (e != null) {
                  produced++;
                }
                return e;
              }

              @Override
              public long bytesRead() {
                return inner.bytesRead();
              }

              @Override
              public void drainProblems(List<LogProblem> to) {
                List<LogProblem> all = inner.problems();
                while (handedOver < all.size()) {
                  to.add(all.get(handedOver++));
                }
              }

              @Override
              public void close() throws IOException {
                inner.close();
              }
            },
            fileName);
  }

  /** {@code stream} read ahead when {@code file} is large enough for it to pay, else itself. */
  public static EventStream of(EventStream stream, Path file) throws IOException {
    if (Files.size(file) <= FROM_SIZE) {
      return stream;
    }
    return new ReadAheadStream(stream, file.getFileName().toString());
  }

  @Override
  public Event next() throws IOException {
    Event e = ahead.next(problems);
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

  @Override
  public long bytesRead() {
    return ahead.bytesRead();
  }

  @Override
  public void close() throws IOException {
    ahead.close();
  }
}
