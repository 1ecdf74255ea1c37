package org.sigmaworkbench.logs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.TextFilter;

/**
 * Reading with a filter passes over records, but never one whose event holds a wanted literal: the
 * events it builds are those of a full read (same record numbers, lines and values), the records
 * passed over are counted so that the total stays that of a full read, and the problems are the
 * same. Files hold quoted line breaks, doubled quotes, CR LF or LF, a byte order mark, text after a
 * closing quote, rows with too many fields, a quote never closed, literals in any column and in any
 * case, and are read in blocks small enough for records and literals to cross them.
 */
class CsvPassOverPropertyTest {

  /** A filter as the matcher's: ASCII letters folded, any literal anywhere in the text. */
  record Literals(List<String> literals) implements TextFilter {
    @Override
    public boolean in(CharSequence text) {
      String t = text.toString().toLowerCase(Locale.ROOT);
      return literals.stream().anyMatch(l -> t.contains(l.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean inUtf16le(byte[] bytes, int offset, int length) {
      return in(new String(bytes, offset, length & ~1, StandardCharsets.UTF_16LE));
    }

    @Override
    public boolean couldBeMadeOf(IntPredicate allowed) {
      return literals.stream().anyMatch(l -> l.chars().allMatch(allowed));
    }

    @Override
    public boolean mayHold(char c) {
      return literals.stream().anyMatch(l -> l.indexOf(c) >= 0);
    }
  }

  /**
   * Text a field may be made of: pieces of literals in several cases, quotes, breaks, delimiters.
   */
  private static final List<String> PIECES =
      List.of(
          "Export-Certificate ",
          "eXPORT-cERTIFICATE ",
          "export-",
          "certificate",
          "a\"b",
          "\"\"",
          "\r\n",
          "\n",
          "\r",
          ",",
          ";",
          "\t",
          "x",
          "ü€",
          "C:\\Windows\\",
          "corp\\jdoe",
          " ");

  record Csv(
      String header,
      List<List<String>> rows,
      String newline,
      boolean bom,
      int irregular,
      int tail) {

    byte[] bytes() {
      StringBuilder b = new StringBuilder(header).append(newline);
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          String f = row.get(i);
          if (irregular > 0 && (r * 7 + i) % irregular == 0) {
            // text after a closing quote, or a quote inside a plain field
            b.append((r + i) % 2 == 0 ? "\"q\"" + f.replaceAll("[\",\r\n]", "") : "p\"" + f);
            continue;
          }
          boolean quote =
              f.isEmpty() || f.matches("(?s).*[\",\r\n].*") || (r + i) % 3 == 0 && !f.isEmpty();
          b.append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        b.append(newline);
        if (r % 5 == 4) {
          b.append(newline); // a blank line
        }
      }
      switch (tail) {
        case 1 -> b.append("\"never closed, Export-Certificate ");
        case 2 -> b.append("last,row,without,a,line,end");
        default -> {}
      }
      byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (bom) {
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
      }
      out.writeBytes(text);
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<Csv> files() {
    Arbitrary<String> field =
        Arbitraries.of(PIECES).list().ofMaxSize(5).map(l -> String.join("", l));
    Arbitrary<List<String>> row = field.list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(
            Arbitraries.of(
                "UtcTime,CommandLine,Image,ParentCommandLine",
                "EventID,CommandLine,Image,User",
                "TimeGenerated [UTC],CommandLine,SubjectUserName,SubjectDomainName"),
            row.list().ofMaxSize(30),
            Arbitraries.of("\n", "\r\n"),
            Arbitraries.of(false, true),
            Arbitraries.of(0, 0, 5, 11),
            Arbitraries.of(0, 0, 1, 2))
        .as(Csv::new);
  }

  @Provide
  Arbitrary<List<String>> literals() {
    return Arbitraries.of(
            "export-certificate ", "certificate", "a\"b", "Windows\\", "p\\jd", "€", "zzzzz")
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  /** A read: the events built (as text), how many were passed over, the problems. */
  record Read(List<String> events, long passedOver, List<String> problems) {}

  private static Read read(Path file, TextFilter filter, long first, int block) throws Exception {
    List<String> events = new ArrayList<>();
    ReadOptions options = ReadOptions.AUTO.withFilter(filter, first);
    try (EventStream s = new CsvEventReader(file, options, block)) {
      Event e;
      while ((e = s.next()) != null) {
        StringBuilder b = new StringBuilder().append(e.record()).append(':');
        for (int i = 0; i < e.schema().derivedSize(); i++) {
          b.append(e.schema().name(i)).append('=').append(e.value(i)).append('|');
        }
        events.add(b.toString());
      }
      List<String> problems = s.problems().stream().map(LogProblem::describe).toList();
      return new Read(events, s.passedOver(), problems);
    }
  }

  @Property(tries = 400)
  void passingOverLosesNoWantedEventAndCountsTheRest(
      @ForAll("files") Csv csv,
      @ForAll("literals") List<String> literals,
      @ForAll @IntRange(min = 16, max = 200) int block,
      @ForAll @IntRange(min = 0, max = 3) int first)
      throws Exception {
    Path file = Files.createTempFile("pass", ".csv");
    try {
      Files.write(file, csv.bytes());
      Literals filter = new Literals(literals);
      Read full = read(file, null, 0, 1 << 20);
      Read filtered = read(file, filter, first, block);
      assertThat(full.passedOver()).isZero();
      assertThat(filtered.problems()).isEqualTo(full.problems());
      assertThat(filtered.events().size() + filtered.passedOver())
          .as("events counted")
          .isEqualTo(full.events().size());
      // Every event built is an event of the full read, in order; every wanted event is built.
      assertThat(full.events()).containsSubsequence(filtered.events());
      List<String> wanted =
          full.events().stream()
              .filter(
                  e -> filter.in(e.substring(e.indexOf(':'))) || full.events().indexOf(e) < first)
              .toList();
      assertThat(filtered.events()).containsAll(wanted);
      if (!full.events().isEmpty()) {
        assertThat(filtered.events()).first().isEqualTo(full.events().get(0));
      }
      Statistics.collect(filtered.passedOver() > 0);
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 100)
  void withoutAFilterNothingIsPassedOver(@ForAll("files") Csv csv) throws Exception {
    Path file = Files.createTempFile("pass", ".csv");
    try {
      Files.write(file, csv.bytes());
      Read a = read(file, null, 0, 32);
      Read b = read(file, null, 0, 1 << 20);
      assertThat(a).isEqualTo(b);
      assertThat(a.passedOver()).isZero();
    } finally {
      Files.delete(file);
    }
  }
}
