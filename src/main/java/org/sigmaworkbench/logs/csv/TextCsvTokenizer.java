package org.sigmaworkbench.logs.csv;

import java.io.IOException;
import java.io.Reader;
import org.sigmaworkbench.logs.TextInput;

/** A {@link CsvTokenizer} that reads decoded text, counting the bytes of the file behind it. */
abstract class TextCsvTokenizer implements CsvTokenizer {

  private final TextInput.Counter counter;
  final Reader reader;

  /**
   * @param counter the bytes of the file read so far; {@code null} for text already in memory
   * @param reader the text
   */
  TextCsvTokenizer(TextInput.Counter counter, Reader reader) {
    this.counter = counter;
    this.reader = reader;
  }

  @Override
  public long bytesRead() {
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
