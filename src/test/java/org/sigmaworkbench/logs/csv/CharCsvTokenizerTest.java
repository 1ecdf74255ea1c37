package org.sigmaworkbench.logs.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CharCsvTokenizerTest {

  @Test
  void aQuoteNeverClosedEndsReadingAtTheRecordLimitInsteadOfHoldingTheFile() throws Exception {
    String text = "a,b\n\"multi\nline\",x\n\"never closed," + "y\n".repeat(200);
    try (CharCsvTokenizer tk = new CharCsvTokenizer(new StringReader(text), 100)) {
      CsvRow row = new CsvRow();
      assertThat(tk.next(row)).isTrue();
      assertThat(tk.next(row)).isTrue();
      assertThat(row.fields[0]).isEqualTo("multi\nline");
      assertThatThrownBy(() -> tk.next(new CsvRow()))
          .isInstanceOfSatisfying(
              Utf8CsvTokenizer.RecordTooLong.class, e -> assertThat(e.line).isEqualTo(4));
    }
  }

  @Test
  void recordsWithinTheLimitAreRead() throws Exception {
    try (CharCsvTokenizer tk =
        new CharCsvTokenizer(new StringReader("a,b\n\"closed\nat last\",x\n"), 100)) {
      CsvRow row = new CsvRow();
      assertThat(tk.next(row)).isTrue();
      assertThat(tk.next(row)).isTrue();
      assertThat(row.fields[0]).isEqualTo("closed\nat last");
      assertThat(row.fields[1]).isEqualTo("x");
      assertThat(tk.next(row)).isFalse();
    }
  }
}
