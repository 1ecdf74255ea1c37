package org.sigmaworkbench.authoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.LogSource;

/**
 * What the SigmaHQ rules commonly write, counted over the rule corpus when the bundled {@code
 * vocabulary.tsv} was generated: logsource products, categories and services, and the fields used
 * per logsource. Completion offers these after what the targets know.
 */
public final class Vocabulary {

  /** The resource, beside this class. */
  public static final String RESOURCE = "vocabulary.tsv";

  /**
   * A word and in how many rules it was seen.
   *
   * @param value the word
   * @param rules how many corpus rules use it
   */
  public record Count(String value, int rules) {}

  private static volatile Vocabulary bundled;

  private final Map<String, List<Count>> logsourceValues;
  private final Map<String, List<Count>> fields;

  private Vocabulary(Map<String, List<Count>> logsourceValues, Map<String, List<Count>> fields) {
    this.logsourceValues = logsourceValues;
    this.fields = fields;
  }

  public static Vocabulary bundled() {
    Vocabulary v = bundled;
    if (v == null) {
      try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
        v = in == null ? new Vocabulary(Map.of(), Map.of()) : read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = v;
    }
    return v;
  }

  /**
   * Reads lines {@code product|category|service TAB value TAB count} and {@code field TAB
   * logsource-key TAB field TAB count}, most used first; '#' lines are comments.
   */
  static Vocabulary read(InputStream in) throws IOException {
    Map<String, List<Count>> values = new LinkedHashMap<>();
    Map<String, List<Count>> fields = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals("field") && f.length == 4) {
        fields
            .computeIfAbsent(f[1], k -> new ArrayList<>())
            .add(new Count(f[2], Integer.parseInt(f[3])));
      } else if (f.length == 3) {
        values
            .computeIfAbsent(f[0], k -> new ArrayList<>())
            .add(new Count(f[1], Integer.parseInt(f[2])));
      }
    }
    return new Vocabulary(values, fields);
  }

  /** The values of {@code product}, {@code category} or {@code service}, most used first. */
  public List<Count> logsourceValues(String key) {
    return logsourceValues.getOrDefault(key, List.of());
  }

  /** The key fields are counted under for a logsource: its category, else service, else product. */
  public static String logsourceKey(LogSource ls) {
    if (ls.category() != null) {
      return "category=" + ls.category();
    }
    if (ls.service() != null) {
      return "service=" + ls.service();
    }
    return ls.product() == null ? "" : "product=" + ls.product();
  }

  /** Fields the corpus uses for a logsource, most used first. */
  public List<Count> fields(LogSource ls) {
    return fields.getOrDefault(logsourceKey(ls), List.of());
  }
}
