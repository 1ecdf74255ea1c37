package org.sigmaworkbench.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/** Writes export documents: JSON pretty-printed, YAML in block style with the query as a block. */
public final class ExportWriter {
  private ExportWriter() {}

  private static final class Mappers {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper YAML =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
  }

  /** The text of a document in a format, ending with a line break. */
  public static String write(ExportFormat format, JsonNode document) {
    try {
      String text =
          format == ExportFormat.SENTINEL_YAML
              ? Mappers.YAML.writeValueAsString(document)
              : Mappers.JSON.writeValueAsString(document);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compact one-line JSON of a document, for JSON-lines output. */
  public static String compact(JsonNode document) {
    return document.toString();
  }
}
