package org.sigmaworkbench.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way this program makes threads: daemon threads (they never keep the program alive) with a
 * name that says what they do, for thread dumps and profilers.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads all called {@code name} (an executor of one thread). */
  public static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** Threads called {@code prefix-1}, {@code prefix-2}, ... (a pool). */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> daemon(r, prefix + "-" + n.incrementAndGet());
  }

  /** Starts {@code work} on a new daemon thread called {@code name}. */
  public static Thread start(String name, Runnable work) {
    Thread t = daemon(work, name);
    t.start();
    return t;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
