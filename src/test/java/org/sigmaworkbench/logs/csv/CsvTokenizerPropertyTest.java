package org.sigmaworkbench.logs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The byte tokenizer (eager and lazy, with blocks small enough that records cross them) and the
 * character tokenizer split any CSV the same way, into the fields it was written from.
 */
class CsvTokenizerPropertyTest {

  /** A table to write as CSV: rows of fields, the delimiter, the line end. */
  record Table(List<List<String>> rows, char delimiter, String newline) {
    String csv() {
      StringBuilder b = new StringBuilder();
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            b.append(delimiter);
          }
          String f = row.get(i);
          boolean quote =
              f.isEmpty() && row.size() == 1
                  || f.indexOf(delimiter) >= 0
                  || f.indexOf('"') >= 0
                  || f.indexOf('\n') >= 0
                  || f.indexOf('\r') >= 0;
          b.append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        b.append(newline);
      }
      return b.toString();
    }
  }

  @Provide
  Arbitrary<Table> tables() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abc ,;\t\"\r\nü€中").ofMaxLength(12),
            Arbitraries.strings().alpha().ofMaxLength(30),
            Arbitraries.of("", "\"", "\"\"", "a\"b", "\r\n", "x,y", "Export-PfxCertificate "));
    Arbitrary<List<String>> row = field.list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(
            row.list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.of(',', ';', '\t'),
            Arbitraries.of("\n", "\r\n"))
        .as(Table::new)
        .filter(t -> t.rows().stream().noneMatch(r -> r.size() == 1 && r.get(0).isEmpty()));
  }

  @Property(tries = 300)
  void everyTokenizerGivesBackTheFields(
      @ForAll("tables") Table table, @ForAll @IntRange(min = 8, max = 64) int block)
      throws Exception {
    String csv = table.csv();
    Path file = Files.createTempFile("tok", ".csv");
    try {
      Files.write(file, csv.getBytes(StandardCharsets.UTF_8));
      assertThat(eager(file, table.delimiter(), block)).isEqualTo(table.rows());
      assertThat(lazy(file, table.delimiter(), block)).isEqualTo(table.rows());
      assertThat(chars(csv, table.delimiter())).isEqualTo(table.rows());
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 100)
  void recordLinesCountTheLineBreaksInsideQuotedFields(@ForAll("tables") Table table)
      throws Exception {
    Path file = Files.createTempFile("tok", ".csv");
    try {
      Files.write(file, table.csv().getBytes(StandardCharsets.UTF_8));
      long expected = 1;
      try (Utf8CsvTokenizer t = new Utf8CsvTokenizer(file, 0, 16)) {
        t.delimiter(table.delimiter());
        CsvRow row = new CsvRow();
        for (List<String> r : table.rows()) {
          assertThat(t.next(row)).isTrue();
          assertThat(row.line).isEqualTo(expected);
          for (String f : r) {
            expected += f.chars().filter(c -> c == '\n').count();
            // a lone CR inside a quoted field is not a line break of the file
          }
          expected++;
        }
      }
    } finally {
      Files.delete(file);
    }
  }

  private static List<List<String>> eager(Path file, char delimiter, int block) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Utf8CsvTokenizer t = new Utf8CsvTokenizer(file, 0, block)) {
      t.delimiter(delimiter);
      CsvRow row = new CsvRow();
      while (t.next(row)) {
        out.add(row.toList());
      }
    }
    return out;
  }

  private static List<List<String>> lazy(Path file, char delimiter, int block) throws Exception {
    List<List<String>> out = new ArrayList<>();
    DecodeHints hints = new DecodeHints(16);
    try (Utf8CsvTokenizer t = new Utf8CsvTokenizer(file, 0, block)) {
      t.delimiter(delimiter);
      CsvRow row = new CsvRow();
      while (t.nextRaw(row)) {
        if (row.raw == null) {
          out.add(row.toList());
          continue;
        }
        RawCsvRow raw = new RawCsvRow(row.raw, row.bounds, hints);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
          fields.add(raw.field(i));
        }
        out.add(fields);
      }
    }
    return out;
  }

  private static List<List<String>> chars(String csv, char delimiter) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (CharCsvTokenizer t = new CharCsvTokenizer(new StringReader(csv))) {
      t.delimiter(delimiter);
      CsvRow row = new CsvRow();
      while (t.next(row)) {
        out.add(row.toList());
      }
    }
    return out;
  }
}
