package org.sigmaworkbench.logs.csv;

import java.io.IOException;

/**
 * The lines some exports put above a CSV header, at most one of each: PowerShell's {@code #TYPE
 * ...} line ({@code Export-Csv} without {@code -NoTypeInformation}) and Excel's {@code sep=X},
 * which names the delimiter.
 *
 * @param typeLine the {@code #TYPE} line, or {@code null}
 * @param separator the delimiter a {@code sep=} line names, or 0
 * @param lines how many lines were passed over
 */
public record CsvPreamble(String typeLine, char separator, int lines) {

  /** Passes over the preamble lines, leaving the tokenizer on the header line. */
  public static CsvPreamble skip(CharCsvTokenizer tk) throws IOException {
    return skip((CsvTokenizer) tk);
  }

  static CsvPreamble skip(CsvTokenizer tk) throws IOException {
    String line = tk.peekLine();
    String typeLine = null;
    char sep = 0;
    int lines = 0;
    for (int i = 0; i < 2 && line != null; i++) {
      if (line.startsWith("#TYPE")) {
        typeLine = line;
      } else if (line.regionMatches(true, 0, "sep=", 0, 4) && line.strip().length() == 5) {
        sep = line.strip().charAt(4);
      } else {
        break;
      }
      tk.skipLine();
      lines++;
      line = tk.peekLine();
    }
    return new CsvPreamble(typeLine, sep, lines);
  }
}
