package org.sigmaworkbench.engine.kqleval;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Sigma rules as YAML text from a grammar of detections: search identifiers (maps, lists of maps,
 * keyword lists) whose entries use every modifier family, values built from fragments that stress
 * the meaning (ASCII and non-ASCII letters, letters with unusual case partners, quotes,
 * backslashes, wildcards and their escapes, dashes, line breaks), and conditions with and, or, not,
 * parentheses and quantifiers.
 */
public final class SigmaRuleGrammar {
  private SigmaRuleGrammar() {}

  /** One {@code field|modifiers: values} entry; values are YAML scalars, already written. */
  public record Entry(String key, List<String> values) {}

  /** A search identifier: alternatives (a list of maps, or one map) or keywords. */
  public record Identifier(String name, List<List<Entry>> maps, List<String> keywords) {}

  /** A whole rule. */
  public record Rule(List<Identifier> identifiers, String condition) {
    public String yaml() {
      StringBuilder b =
          new StringBuilder(
              "title: generated\nlogsource:\n  category: process_creation\n  product: windows\n"
                  + "detection:\n");
      for (Identifier id : identifiers) {
        b.append("  ").append(id.name()).append(":\n");
        if (!id.keywords().isEmpty()) {
          for (String k : id.keywords()) {
            b.append("    - ").append(k).append('\n');
          }
          continue;
        }
        boolean list = id.maps().size() > 1;
        for (List<Entry> map : id.maps()) {
          String first = list ? "    - " : "    ";
          String rest = list ? "      " : "    ";
          boolean firstEntry = true;
          for (Entry e : map) {
            b.append(firstEntry ? first : rest).append(yamlKey(e.key())).append(":");
            firstEntry = false;
            if (e.values().size() == 1) {
              b.append(' ').append(e.values().get(0)).append('\n');
            } else {
              b.append('\n');
              for (String v : e.values()) {
                b.append(rest).append("  - ").append(v).append('\n');
              }
            }
          }
        }
      }
      b.append("  condition: ").append(condition).append('\n');
      return b.toString();
    }
  }

  private static String yamlKey(String key) {
    return quote(key);
  }

  /** A YAML double-quoted scalar holding exactly {@code s}. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '"') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c < 0x20
          || (c >= 0x7F && c < 0xA0)
          || c == '\u2028'
          || c == '\u2029'
          || c == '\uFEFF'
          || c >= 0xFFFE
          || (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(s.charAt(i - 1))))) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** Text pieces values are made of. */
  static final List<String> FRAGMENTS =
      List.of(
          "cmd",
          "Export-Certificate",
          "powershell",
          ".exe",
          "C:\\Windows\\",
          " ",
          "-enc",
          "/c",
          "\"",
          "'",
          "\\",
          "a",
          "B",
          "k",
          "S",
          "i",
          "x1",
          "%",
          "|",
          "-",
          "/",
          "\u2013",
          "\t",
          "\n",
          "jürgen",
          "ÜBER",
          "пароль",
          "ß",
          "\u017F",
          "\u212A",
          "\u0130",
          "\u0131",
          "\u01C5",
          "é",
          "\uD83D\uDE00",
          "\u202E",
          "®",
          "42",
          "0");

  /** Plain text from fragments (no wildcard meaning intended, but may hold backslashes). */
  public static Arbitrary<String> text() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l));
  }

  /** A Sigma string: text, sometimes with wildcards or escaped wildcards. */
  static Arbitrary<String> sigmaString() {
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, Arbitraries.of(FRAGMENTS)),
            net.jqwik.api.Tuple.of(2, Arbitraries.of("*", "?")),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("\\*", "\\?", "\\\\")));
    return piece.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l));
  }

  private static Arbitrary<List<String>> values(Arbitrary<String> one) {
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  /** An entry on one of {@code fields}. */
  static Arbitrary<Entry> entry(List<String> fields) {
    Arbitrary<String> field = Arbitraries.of(fields);
    Arbitrary<Entry> strings =
        Combinators.combine(
                field,
                Arbitraries.of("", "|contains", "|startswith", "|endswith"),
                Arbitraries.of("", "", "|all", "|cased", "|windash"),
                values(sigmaString().map(SigmaRuleGrammar::quote)))
            .as((f, pos, extra, vs) -> new Entry(f + pos + extra, vs));
    Arbitrary<Entry> encoded =
        Combinators.combine(
                field,
                Arbitraries.of(
                    "|base64",
                    "|base64offset|contains",
                    "|base64|contains",
                    "|utf16le|base64offset|contains",
                    "|wide|base64offset|contains",
                    "|utf16|base64offset|contains",
                    "|utf16be|base64offset|contains"),
                values(
                    text()
                        .filter(t -> t.indexOf('*') < 0 && t.indexOf('?') < 0)
                        .map(SigmaRuleGrammar::quote)))
            .as((f, mods, vs) -> new Entry(f + mods, vs));
    Arbitrary<Entry> regex =
        Combinators.combine(
                field,
                Arbitraries.of("|re", "|re|i", "|re|m", "|re|s", "|re|i|s"),
                values(RegexGrammar.regex().map(SigmaRuleGrammar::quote)))
            .as((f, mods, vs) -> new Entry(f + mods, vs));
    Arbitrary<Entry> cidr =
        Combinators.combine(
                field,
                values(
                    Arbitraries.of(
                        "10.0.0.0/8",
                        "192.168.1.0/24",
                        "172.16.0.0/12",
                        "0.0.0.0/0",
                        "10.1.2.3",
                        "10.1.2.3/32",
                        "fe80::/10",
                        "::/0",
                        "2001:db8::/32",
                        "::1",
                        "2001:db8:0:0:1::/80")))
            .as(
                (f, vs) ->
                    new Entry(f + "|cidr", vs.stream().map(SigmaRuleGrammar::quote).toList()));
    Arbitrary<Entry> compare =
        Combinators.combine(
                field,
                Arbitraries.of("|lt", "|lte", "|gt", "|gte"),
                values(Arbitraries.of("0", "4", "42", "-3", "1.5", "100", "4688", "0.25", "1e2")))
            .as((f, mods, vs) -> new Entry(f + mods, vs));
    Arbitrary<Entry> number =
        Combinators.combine(
                field,
                Arbitraries.of("", "", "|contains", "|startswith"),
                values(Arbitraries.of("0", "4", "42", "-3", "1.5", "4688", "0x10", "007")))
            .as((f, mods, vs) -> new Entry(f + mods, vs));
    Arbitrary<Entry> special =
        Combinators.combine(
                field,
                Arbitraries.of(
                    "|exists: true",
                    "|exists: false",
                    ": null",
                    ": true",
                    ": ''",
                    "|contains: ''",
                    "|startswith: ''",
                    "|endswith: ''",
                    ": '*'",
                    "|contains: '*'",
                    "|re: '.*'",
                    "|re: 'x?'",
                    "|re: '^$'",
                    "|neq: \"x1\"",
                    "|neq: \"cmd\"",
                    "|expand: \"%Administrators%\"",
                    "|expand|contains: \"x%Administrators%\"",
                    "|expand|endswith: \"\\\\%Administrators%.exe\"",
                    "|expand: \"%Servers%\""))
            .as(
                (f, rest) -> {
                  int colon = rest.indexOf(": ");
                  return new Entry(
                      f + rest.substring(0, colon), List.of(rest.substring(colon + 2)));
                });
    Arbitrary<Entry> fieldref =
        Combinators.combine(
                field,
                Arbitraries.of("", "|contains", "|startswith", "|endswith"),
                Arbitraries.of("", "|cased"),
                field)
            .as(
                (f, pos, cased, other) ->
                    new Entry(f + "|fieldref" + pos + cased, List.of(quote(other))));
    Arbitrary<Entry> date =
        Combinators.combine(
                field,
                Arbitraries.of("|minute", "|hour", "|day", "|week", "|month", "|year"),
                Arbitraries.of("", "", "|gt", "|lte"),
                Arbitraries.of("0", "1", "9", "12", "30", "53", "2026"))
            .as((f, part, cmp, n) -> new Entry(f + part + cmp, List.of(n)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, strings),
        net.jqwik.api.Tuple.of(2, encoded),
        net.jqwik.api.Tuple.of(2, regex),
        net.jqwik.api.Tuple.of(2, cidr),
        net.jqwik.api.Tuple.of(2, compare),
        net.jqwik.api.Tuple.of(2, number),
        net.jqwik.api.Tuple.of(2, special),
        net.jqwik.api.Tuple.of(2, fieldref),
        net.jqwik.api.Tuple.of(1, date));
  }

  private static Arbitrary<Identifier> identifier(String name, List<String> fields) {
    Arbitrary<List<Entry>> map =
        entry(fields)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .filter(l -> l.stream().map(Entry::key).distinct().count() == l.size());
    Arbitrary<Identifier> maps =
        map.list().ofMinSize(1).ofMaxSize(2).map(l -> new Identifier(name, l, List.of()));
    Arbitrary<Identifier> keywords =
        Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, text().map(SigmaRuleGrammar::quote)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("'*'")))
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(l -> new Identifier(name, List.of(), l));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, maps), net.jqwik.api.Tuple.of(1, keywords));
  }

  private static final List<String> NAMES = List.of("sel_a", "sel_b", "filter_a", "filter_b");

  /** A rule over the given Sigma fields. */
  public static Arbitrary<Rule> rule(List<String> fields) {
    return Arbitraries.integers()
        .between(1, NAMES.size())
        .flatMap(
            n -> {
              List<Arbitrary<Identifier>> ids = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                ids.add(identifier(NAMES.get(i), fields));
              }
              Arbitrary<List<Identifier>> all = Combinators.combine(ids).as(l -> l);
              return Combinators.combine(all, condition(NAMES.subList(0, n), 3)).as(Rule::new);
            });
  }

  static Arbitrary<String> condition(List<String> names, int depth) {
    List<String> atoms = new ArrayList<>(names);
    atoms.add("1 of them");
    atoms.add("all of them");
    if (names.size() > 1) {
      atoms.add("1 of sel_*");
      atoms.add("all of sel_*");
    }
    if (names.size() > 2) {
      atoms.add("1 of filter_*");
    }
    Arbitrary<String> atom = Arbitraries.of(atoms);
    if (depth == 0) {
      return atom;
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> condition(names, depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, atom),
        net.jqwik.api.Tuple.of(2, sub.map(c -> "not " + wrap(c))),
        net.jqwik.api.Tuple.of(
            2, Combinators.combine(sub, sub).as((a, b) -> wrap(a) + " and " + wrap(b))),
        net.jqwik.api.Tuple.of(
            2, Combinators.combine(sub, sub).as((a, b) -> wrap(a) + " or " + wrap(b))));
  }

  private static String wrap(String c) {
    return c.contains(" and ") || c.contains(" or ") ? "(" + c + ")" : c;
  }
}
