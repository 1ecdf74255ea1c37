package org.sigmaworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One rule exported in one format.
 *
 * @param format the format
 * @param id the Sigma id, or {@code null}
 * @param title the Sigma title, or {@code null}
 * @param document the document, or {@code null} when none could be built
 * @param problems why the service would refuse it, each {@code field: why}; empty when it may be
 *     written
 * @param warnings what the analyst should know about a document that was written
 */
public record Export(
    ExportFormat format,
    String id,
    String title,
    JsonNode document,
    List<String> problems,
    List<String> warnings) {

  public Export {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public boolean ok() {
    return document != null && problems.isEmpty();
  }

  /** The document as its format writes it. */
  public String text() {
    return ExportWriter.write(format, document);
  }
}
