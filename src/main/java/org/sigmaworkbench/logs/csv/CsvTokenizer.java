package org.sigmaworkbench.logs.csv;

import java.io.Closeable;
import java.io.IOException;

/**
 * Splits delimited text into records: RFC 4180 quoting (doubled quotes, delimiters and line breaks
 * inside quoted fields), CRLF or LF, blank lines skipped.
 */
interface CsvTokenizer extends Closeable {

  /** The next physical line without consuming it (for the header checks), or null at the end. */
  String peekLine() throws IOException;

  /** Consumes one physical line (a {@code #TYPE} or {@code sep=} line). */
  void skipLine() throws IOException;

  /** Sets the delimiter (after {@link #peekLine} has shown the header). */
  void delimiter(char delimiter);

  /** Reads the next record into {@code row}; false at the end of the file. */
  boolean next(CsvRow row) throws IOException;

  /** Bytes of the file consumed so far. */
  long bytesRead();
}
