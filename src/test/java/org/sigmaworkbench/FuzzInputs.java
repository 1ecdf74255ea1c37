package org.sigmaworkbench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The saved inputs of a fuzz test class ({@code <Class>Inputs/<method>/...} in its resources). */
public final class FuzzInputs {
  private FuzzInputs() {}

  /**
   * Runs every saved input of the class through {@code run} once, when the fuzz test class loads:
   * loading and instrumenting the code's classes is then not counted against the first fuzzed
   * input's two seconds. What goes wrong here is left to the fuzzed runs to report.
   */
  public static void warmUp(Class<?> test, Consumer<byte[]> run) {
    URL inputs = test.getResource(test.getSimpleName() + "Inputs");
    if (inputs == null || !"file".equals(inputs.getProtocol())) {
      return;
    }
    try (Stream<Path> files = Files.walk(Path.of(inputs.toURI()))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try {
          run.accept(Files.readAllBytes(f));
        } catch (RuntimeException | StackOverflowError e) {
          // reported by the fuzzed run of the same input
        }
      }
    } catch (IOException | URISyntaxException e) {
      // no warm-up
    }
  }
}
