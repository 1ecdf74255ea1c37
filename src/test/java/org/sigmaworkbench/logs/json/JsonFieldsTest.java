package org.sigmaworkbench.logs.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.EventBuilder;

/** Nested values of a payload are kept as JSON text that reads back as the same value. */
class JsonFieldsTest {

  @Test
  void aNestedValueIsWrittenAsJsonThatReadsBackTheSame() throws Exception {
    String nested =
        "{\"quote\":\"say \\\"hi\\\"\",\"path\":\"C:\\\\Windows\",\"lines\":\"a\\nb\\tc\\u0001\","
            + "\"unicode\":\"caf\u00e9 \u2028\",\"none\":null,\"list\":[\"x\",{\"k\":\"v\"}]}";
    String payload = "{\"EventData\":{\"Data\":[{\"@Name\":\"Obj\",\"#text\":" + nested + "}]}}";
    EventBuilder out = new EventBuilder();
    JsonFields.addPayload(payload, out);
    String written = out.get("Obj");
    assertThat(JsonFields.tree(written)).isEqualTo(JsonFields.tree(nested));
    assertThat(written).startsWith("{\"quote\":\"say \\\"hi\\\"\",\"path\":\"C:\\\\Windows\"");
  }
}
