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
}
