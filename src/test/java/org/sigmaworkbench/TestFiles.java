package org.sigmaworkbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Paths and texts tests share. */
public final class TestFiles {
  private TestFiles() {}

  public static final Path SAMPLE_LOGS = Path.of("sample-logs");

  public static final String HEADLINE_RULE_RESOURCE =
      "/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml";

  public static final Path HEADLINE_RULE = Path.of("src/main/resources" + HEADLINE_RULE_RESOURCE);

  public static String headlineRuleText() {
    try (InputStream in = TestFiles.class.getResourceAsStream(HEADLINE_RULE_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path sample(String name) {
    return SAMPLE_LOGS.resolve(name);
  }

  /**
   * A folder of the shared corpora ({@code sigma-rules}, {@code evtx}, {@code evtx-ref}, {@code
   * sigma-regression}, {@code exports}, and the reference conversions under {@code reference/}).
   * When the corpora are absent the calling test is skipped, unless {@code sigmawb.requireCorpus}
   * is true (CI), where it fails.
   */
  public static Path shared(String relative) {
    Path root = Path.of(System.getProperty("sigmawb.shared", "../shared"));
    Path p = root.resolve(relative);
    if (!java.nio.file.Files.exists(p)) {
      String message =
          "shared corpus not found at " + p.toAbsolutePath() + " (set -Dsigmawb.shared=DIR)";
      if (Boolean.getBoolean("sigmawb.requireCorpus")) {
        throw new AssertionError(message);
      }
      org.junit.jupiter.api.Assumptions.abort(message);
    }
    return p;
  }

  /** A folder of the shared test corpus: {@code shared("corpus/" + relative)}. */
  public static Path corpus(String relative) {
    return shared("corpus/" + relative);
  }
}
