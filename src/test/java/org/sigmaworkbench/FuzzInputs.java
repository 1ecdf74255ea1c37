package org.sigmaworkbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The saved inputs of a fuzz test class ({@code <Class>Inputs/<method>/...} in its resources). */
public final class FuzzInputs {
  private FuzzInputs() {}

  /**
   * Runs every saved input of the class through {@code run} once, when the fuzz test class loads:
   * loading and instrumenting the code's classes is then not counted against the first fuzzed
   * input's two seconds. What goes wrong here is left to the fuzzed runs to report.
   */
  public static void warmUp(Class<?> test, Input run) {
    URL inputs = test.getResource(test.getSimpleName() + "Inputs");
    if (inputs == null || !"file".equals(inputs.getProtocol())) {
      return;
    }
    try (Stream<Path> files = Files.walk(Path.of(inputs.toURI()))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try {
          run.accept(Files.readAllBytes(f));
        } catch (Exception | AssertionError | StackOverflowError e) {
          // reported by the fuzzed run of the same input
        }
      }
    } catch (IOException | URISyntaxException e) {
      // no warm-up
    }
  }

  /** A fuzz target's body, which may throw what the code under test declares. */
  public interface Input {
    void accept(byte[] bytes) throws Exception;
  }

  /** One input's work, which may throw what the code under test declares. */
  public interface Work {
    void run() throws Exception;
  }

  /**
   * A hang: one input that takes over two seconds. Measured as CPU time of the thread doing the
   * work, so that a busy machine (where a wall clock runs on while the fuzzer waits for a core)
   * does not turn a quick input into a finding; .ci/fuzz gives libFuzzer a wall-clock timeout far
   * above this for a loop that never ends.
   */
  public static final long HANG_CPU_NANOS = 2_000_000_000L;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Runs one input's work; throws {@link AssertionError} when it used more than two CPU seconds.
   */
  public static void withinTwoSeconds(Work work) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    work.run();
    long used = THREADS.getCurrentThreadCpuTime() - start;
    if (used > HANG_CPU_NANOS) {
      throw new AssertionError(
          "hang: one input took " + used / 1_000_000 + " ms of CPU (more than 2 s)");
    }
  }
}
