package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTextTest {

  private static final List<String> HEADER = List.of("Record", "CommandLine");

  @Test
  void csvQuotesOnlyFieldsThatNeedItAndEndsRecordsWithCrLf() {
    String csv =
        TableText.csv(
            HEADER,
            List.of(
                List.of("1", "plain"),
                List.of("2", "a,b"),
                List.of("3", "say \"hi\""),
                List.of("4", "two\nlines")));
    assertThat(csv)
        .isEqualTo(
            "Record,CommandLine\r\n"
                + "1,plain\r\n"
                + "2,\"a,b\"\r\n"
                + "3,\"say \"\"hi\"\"\"\r\n"
                + "4,\"two\nlines\"\r\n");
  }

  @Test
  void tsvHasAHeaderLineAndQuotesOnlyCellsThatWouldBreakIt() {
    String tsv =
        TableText.tsv(
            HEADER,
            List.of(List.of("7", "cmd /c \"a,b\""), List.of("8", "x\ty"), List.of("9", "\"q\" r")));
    assertThat(tsv)
        .isEqualTo("Record\tCommandLine\n7\tcmd /c \"a,b\"\n8\t\"x\ty\"\n9\t\"\"\"q\"\" r\"\n");
  }

  @Test
  void jsonLinesWriteOneObjectPerRowWithTheHeadersAsKeys() throws Exception {
    String text =
        TableText.jsonLines(
            HEADER, List.of(List.of("1", "C:\\a \"b\""), List.of("2", "line\nbreak")));
    String[] lines = text.split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(lines[0]);
    assertThat(first.fieldNames()).toIterable().containsExactly("Record", "CommandLine");
    assertThat(first.get("CommandLine").asText()).isEqualTo("C:\\a \"b\"");
    assertThat(m.readTree(lines[1]).get("CommandLine").asText()).isEqualTo("line\nbreak");
  }
}
