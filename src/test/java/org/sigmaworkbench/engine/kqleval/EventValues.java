package org.sigmaworkbench.engine.kqleval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigmaworkbench.rule.Expr;
import org.sigmaworkbench.rule.Predicate;
import org.sigmaworkbench.rule.SigmaString;

/**
 * Field values built from a normalized rule to hit and to just miss each of its comparisons: the
 * rule's text as is, with its case changed (ASCII only, every letter, the Kelvin sign for k), with
 * text around it, cut short; wildcards filled; addresses inside and outside networks in several
 * spellings; numbers around the rule's number in several spellings; timestamps around the rule's
 * date part; plus values that are empty, blank or unrelated.
 */
public final class EventValues {
  private EventValues() {}

  /** Values that fit no comparison in particular. */
  static final List<String> JUNK =
      List.of("", " ", "x", "0", "null", "ü", "\uD83D\uDE00", "10.0.0.1", "2026-11-20 09:00:13");

  /** Candidate values per field (keywords under {@code null}). */
  public static Map<String, List<String>> candidates(Expr condition) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    List<Expr.Match> matches = new ArrayList<>();
    collect(condition, matches);
    for (Expr.Match m : matches) {
      Set<String> set = out.computeIfAbsent(m.field(), k -> new LinkedHashSet<>());
      set.addAll(values(m.predicate()));
      if (m.predicate() instanceof Predicate.FieldRef f) {
        out.computeIfAbsent(f.otherField(), k -> new LinkedHashSet<>());
      }
    }
    // A field reference compares two fields: give each a few of the other's values and variants.
    Map<String, List<String>> base = new LinkedHashMap<>();
    out.forEach((k, v) -> base.put(k, new ArrayList<>(v)));
    for (Expr.Match m : matches) {
      if (m.predicate() instanceof Predicate.FieldRef f && !m.isKeyword()) {
        List<String> theirs = base.get(f.otherField());
        List<String> mine = base.get(m.field());
        for (String v : theirs.subList(0, Math.min(4, theirs.size()))) {
          out.get(m.field()).addAll(textVariants(v));
        }
        out.get(f.otherField()).addAll(mine.subList(0, Math.min(8, mine.size())));
        out.get(f.otherField()).addAll(List.of("cmd", "CMD", "c"));
        out.get(m.field()).addAll(List.of("cmd", "CMD", "xcmdx", "cm"));
      }
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    out.forEach(
        (k, v) -> {
          v.addAll(JUNK);
          result.put(k, new ArrayList<>(v));
        });
    return result;
  }

  private static void collect(Expr e, List<Expr.Match> out) {
    if (e instanceof Expr.Match m) {
      out.add(m);
    } else if (e instanceof Expr.And a) {
      a.terms().forEach(t -> collect(t, out));
    } else if (e instanceof Expr.Or o) {
      o.terms().forEach(t -> collect(t, out));
    } else if (e instanceof Expr.Not n) {
      collect(n.term(), out);
    } else if (e instanceof Expr.Named n) {
      collect(n.body(), out);
    }
  }

  static List<String> values(Predicate p) {
    if (p instanceof Predicate.StringMatch s) {
      return textVariants(s.text());
    }
    if (p instanceof Predicate.Wildcard w) {
      return wildcardFills(w.pattern());
    }
    if (p instanceof Predicate.Regex r) {
      return regexSamples(r.pattern());
    }
    if (p instanceof Predicate.Cidr c) {
      return addresses(c);
    }
    if (p instanceof Predicate.Compare c) {
      return numbers(c.number());
    }
    if (p instanceof Predicate.DatePart d) {
      return times(d);
    }
    return List.of("", "x", "X");
  }

  static List<String> textVariants(String t) {
    Set<String> out = new LinkedHashSet<>();
    out.add(t);
    out.add(swapAsciiCase(t));
    out.add(t.toUpperCase(java.util.Locale.ROOT));
    out.add(t.toLowerCase(java.util.Locale.ROOT));
    out.add(perCodePoint(t, true));
    out.add(perCodePoint(t, false));
    out.add("pre " + t);
    out.add(t + " post");
    out.add("pre" + t + "post");
    out.add(t + t);
    out.add(t.replace('k', '\u212A').replace('K', '\u212A').replace('s', '\u017F'));
    out.add(t.replace("i", "\u0130").replace("I", "\u0131"));
    if (t.length() > 1) {
      out.add(t.substring(1));
      out.add(t.substring(0, t.length() - 1));
      out.add(t.substring(0, t.length() / 2) + "\u00E9" + t.substring(t.length() / 2));
    }
    out.add(" " + t);
    return new ArrayList<>(out);
  }

  private static String swapAsciiCase(String t) {
    StringBuilder b = new StringBuilder();
    for (char c : t.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        b.append((char) (c - 32));
      } else if (c >= 'A' && c <= 'Z') {
        b.append((char) (c + 32));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String perCodePoint(String t, boolean upper) {
    StringBuilder b = new StringBuilder();
    t.codePoints()
        .forEach(
            cp -> b.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return b.toString();
  }

  private static final List<String> FILLS = List.of("", "a", "Zz", "\n", "\uD83D\uDE00", "é");

  static List<String> wildcardFills(SigmaString pattern) {
    Set<String> out = new LinkedHashSet<>();
    for (int variant = 0; variant < 8; variant++) {
      StringBuilder b = new StringBuilder();
      int k = variant;
      for (SigmaString.Token t : pattern.tokens()) {
        if (t instanceof SigmaString.Literal l) {
          String text = l.text();
          b.append(
              variant % 3 == 1
                  ? swapAsciiCase(text)
                  : variant % 3 == 2 ? perCodePoint(text, true) : text);
        } else if (t instanceof SigmaString.AnyString) {
          b.append(FILLS.get(k % FILLS.size()));
          k += 3;
        } else {
          b.append(variant == 7 ? "" : FILLS.get(1 + k % (FILLS.size() - 1)));
          k += 1;
        }
      }
      out.add(b.toString());
    }
    List<String> result = new ArrayList<>(out);
    for (String v : new ArrayList<>(out)) {
      result.add(v.replace('k', '\u212A').replace('K', '\u212A').replace('s', '\u017F'));
    }
    return result;
  }

  static List<String> regexSamples(String pattern) {
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        char n = pattern.charAt(++i);
        literal.append(n == 'd' ? '7' : n == 'w' ? 'w' : n == 's' ? ' ' : n == 'n' ? '\n' : n);
      } else if ("^$()[]{}|*+?:".indexOf(c) < 0) {
        literal.append(c == '.' ? 'q' : c);
      }
    }
    List<String> out = new ArrayList<>(textVariants(literal.toString()));
    out.add("aB");
    out.add("k\u212As\u017F");
    out.add("a\nB");
    return out;
  }

  static List<String> addresses(Predicate.Cidr c) {
    List<String> out = new ArrayList<>();
    byte[] net = c.network();
    if (net.length == 4) {
      String base = (net[0] & 255) + "." + (net[1] & 255) + "." + (net[2] & 255) + ".";
      out.add(base + (net[3] & 255));
      out.add(base + ((net[3] & 255) | 7));
      out.add(((net[0] & 255) ^ 128) + "." + (net[1] & 255) + ".1.1");
      out.add(((net[0] & 255) ^ 1) + ".0.0.1");
      out.add(base + "300");
      out.add("0" + base + "1");
      out.add(" " + base + "1");
      out.add(base + "1/8");
      out.add("::ffff:" + base + "1");
      out.add(base.substring(0, base.length() - 1));
    } else {
      String full =
          java.util.stream.IntStream.range(0, 8)
              .mapToObj(
                  i -> Integer.toHexString(((net[2 * i] & 255) << 8) | (net[2 * i + 1] & 255)))
              .reduce((a, b) -> a + ":" + b)
              .orElseThrow();
      out.add(full);
      out.add(full.toUpperCase(java.util.Locale.ROOT));
      out.add(full.substring(0, full.length() - 1) + "f");
      out.add("f" + full.substring(1));
      out.add("::1");
      out.add("::");
      out.add("fe80::1");
      out.add("2001:db8::1");
      out.add("::ffff:10.1.2.3");
      out.add("::10.1.2.3");
      out.add("1::2::3");
      out.add("2001:db8:0:0:1:0:0:1");
      out.add("2001:0db8::00001");
      out.add("fe80::1%eth0");
    }
    out.add("10.1.2.3");
    out.add("host.example");
    return out;
  }

  static List<String> numbers(BigDecimal n) {
    List<String> out = new ArrayList<>();
    String p = n.stripTrailingZeros().toPlainString();
    out.add(p);
    out.add(n.add(BigDecimal.ONE).toPlainString());
    out.add(n.subtract(BigDecimal.ONE).toPlainString());
    out.add(n.add(new BigDecimal("0.5")).toPlainString());
    out.add(n.subtract(new BigDecimal("0.5")).toPlainString());
    out.add(p + ".0");
    out.add(p + ".9");
    out.add("+" + p);
    out.add(" " + p + " ");
    out.add("0" + p);
    out.add(p + "e0");
    out.add("1e1");
    out.add("-" + p);
    out.add("0x" + p);
    out.add("99999999999999999999");
    out.add(p + "abc");
    out.add("NaN");
    out.add(".5");
    out.add("5.");
    return out;
  }

  static List<String> times(Predicate.DatePart d) {
    int n = d.number();
    List<String> out = new ArrayList<>();
    int[] around = {n - 1, n, n + 1};
    for (int v : around) {
      switch (d.unit()) {
        case MINUTE -> out.add(String.format("2026-11-20 09:%02d:13.100", clamp(v, 0, 59)));
        case HOUR -> out.add(String.format("2026-11-20T%02d:00:13Z", clamp(v, 0, 23)));
        case DAY -> out.add(String.format("2026-11-%02d", clamp(v, 1, 30)));
        case WEEK ->
            out.add(
                java.time.LocalDate.of(2026, 1, 4)
                        .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, clamp(v, 1, 52))
                    + " 12:00:00");
        case MONTH -> out.add(String.format("2026-%02d-20 09:00:13", clamp(v, 1, 12)));
        case YEAR -> out.add(String.format("%04d-01-01T00:00:00+01:00", clamp(v, 1, 9999)));
      }
    }
    out.add("2026-11-20T09:00:13+02:00");
    out.add("2020-12-31");
    out.add("2021-01-03T23:59:59-01:00");
    out.add("2026-11-20T09:00");
    out.add("2026-11-20T09:00:13.1234567Z");
    out.add("20 Nov 2026");
    out.add("2026-13-01");
    return out;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
