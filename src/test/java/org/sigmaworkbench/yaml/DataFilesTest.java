package org.sigmaworkbench.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class DataFilesTest {

  /** What the tables read of a value: its text, as {@link DataFiles#string} makes it. */
  private static Object asText(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(asText(k), asText(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(asText(x)));
      return out;
    }
    return o == null ? null : String.valueOf(o);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/org/sigmaworkbench/mapping/logsources.yaml",
        "/org/sigmaworkbench/logs/ecs-fields.yaml",
        "/org/sigmaworkbench/logs/message-fields.yaml",
        "/org/sigmaworkbench/logs/hayabusa-details.yaml"
      })
  void eachDataFileReadsAsAFullYamlLoaderReadsIt(String resource) throws IOException {
    Object full;
    try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
      full =
          new Yaml(new SafeConstructor(new LoaderOptions()))
              .load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Object ours = DataFiles.load(DataFilesTest.class, resource);
    assertThat(ours).isInstanceOf(Map.class);
    assertThat(ours).isEqualTo(asText(full));
  }
}
