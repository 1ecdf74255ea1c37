package org.sigmaworkbench.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every match of an RE2 regular expression must have, read from its syntax: the fewest code
 * points it spans, and a set of literals of which every match contains one (folded as {@link
 * LiteralScanner.Fold#ASCII}, which merges at least what RE2's case folding merges for ASCII
 * letters). Both are necessary conditions, used to skip the regex engine on values that cannot
 * match. Syntax this reader does not follow makes it give up (nothing needed, length 0), which is
 * always safe.
 */
final class RegexFacts {

  /** Fewest code points a match spans. */
  final int minLength;

  /**
   * The most telling set of literals of which every match contains one (folded), or {@code null}
   * when none is known.
   */
  final Set<String> needs;

  /** Every such set that is known: a match contains a literal of each. */
  final List<Set<String>> required;

  /** A run of characters of one class that every match holds, or {@code null}. */
  final Run run;

  private RegexFacts(int minLength, Set<String> needs, List<Set<String>> required, Run run) {
    this.minLength = minLength;
    this.needs = needs;
    this.required = required;
    this.run = run;
  }

  private static final RegexFacts NOTHING = new RegexFacts(0, null, List.of(), null);

  /** Shortest run of one class worth checking for. */
  private static final int MIN_RUN = 8;

  /**
   * The characters one position of a match may hold: ASCII characters listed, anything beyond ASCII
   * either all allowed or none.
   */
  record CharClass(boolean[] ascii, boolean beyondAscii) {
    boolean has(char c) {
      return c < 128 ? ascii[c] : beyondAscii;
    }

    static CharClass of(String members, boolean beyondAscii) {
      boolean[] a = new boolean[128];
      for (char c : members.toCharArray()) {
        a[c] = true;
      }
      return new CharClass(a, beyondAscii);
    }

    CharClass negate() {
      boolean[] a = new boolean[128];
      for (int i = 0; i < 128; i++) {
        a[i] = !ascii[i];
      }
      return new CharClass(a, true);
    }

    CharClass union(CharClass o) {
      boolean[] a = new boolean[128];
      for (int i = 0; i < 128; i++) {
        a[i] = ascii[i] || o.ascii[i];
      }
      return new CharClass(a, beyondAscii || o.beyondAscii);
    }
  }

  /** At least {@code length} consecutive characters of {@code chars}. */
  record Run(CharClass chars, int length) {
    /** Whether the value holds such a run. Allocates nothing. */
    boolean in(String value) {
      int count = 0;
      for (int i = 0; i < value.length(); i++) {
        if (chars.has(value.charAt(i))) {
          if (++count >= length) {
            return true;
          }
        } else {
          count = 0;
        }
      }
      return false;
    }
  }

  private static final CharClass ANY = new CharClass(all(), true);

  private static boolean[] all() {
    boolean[] a = new boolean[128];
    Arrays.fill(a, true);
    return a;
  }

  private static final String DIGITS = "0123456789";
  private static final String WORD =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
  private static final String SPACE = "\t\n\f\r ";

  /** Largest set of exact strings followed through a pattern. */
  private static final int MAX_EXACT = 16;

  /** Longest exact string followed. */
  private static final int MAX_EXACT_LENGTH = 24;

  static RegexFacts of(String pattern, boolean ignoreCase) {
    try {
      Parser p = new Parser(pattern, ignoreCase);
      Info info = p.alternation();
      if (p.pos != pattern.length()) {
        return NOTHING;
      }
      List<Set<String>> required = new ArrayList<>();
      for (Set<String> group : info.all()) {
        if (usable(group) != null) {
          required.add(group);
        }
      }
      return new RegexFacts(info.min, usable(info.need()), List.copyOf(required), info.run());
    } catch (GiveUp | RuntimeException e) {
      return NOTHING;
    }
  }

  /** Needed literals, unless one is empty (which every value holds). */
  private static Set<String> usable(Set<String> needs) {
    if (needs == null || needs.isEmpty()) {
      return null;
    }
    return needs.contains("") ? null : needs;
  }

  /** Syntax outside what is followed. */
  private static final class GiveUp extends Exception {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  /**
   * What is known of a part of a pattern: its fewest code points, the exact strings it matches
   * (folded; {@code null} when too many or unknown), and needed literals (or {@code null}).
   */
  private record Info(int min, Set<String> exact, List<Set<String>> known, CharClass cls, Run run) {

    Info(int min, Set<String> exact, Set<String> known) {
      this(min, exact, known == null ? List.of() : List.of(known), null, null);
    }

    /** Every known set of needed literals, those of the exact strings included. */
    List<Set<String>> all() {
      List<Set<String>> out = new ArrayList<>(known);
      if (exact != null && !exact.contains("")) {
        out.add(exact);
      }
      return out;
    }

    /** The most telling set of needed literals, or {@code null}. */
    Set<String> need() {
      Set<String> best = null;
      for (Set<String> s : all()) {
        best = better(best, s);
      }
      return best;
    }
  }

  private static Set<String> better(Set<String> a, Set<String> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int la = shortest(a);
    int lb = shortest(b);
    return la != lb ? (la > lb ? a : b) : (a.size() <= b.size() ? a : b);
  }

  private static int shortest(Set<String> s) {
    return s.stream().mapToInt(String::length).min().orElse(0);
  }

  private static final class Parser {
    private final String p;
    private int pos;
    private boolean fold;

    Parser(String pattern, boolean ignoreCase) {
      this.p = pattern;
      this.fold = ignoreCase;
    }

    private boolean more() {
      return pos < p.length();
    }

    private char peek() {
      return p.charAt(pos);
    }

    Info alternation() throws GiveUp {
      Info left = concatenation();
      while (more() && peek() == '|') {
        pos++;
        Info right = concatenation();
        Set<String> exact = null;
        if (left.exact() != null && right.exact() != null) {
          exact = new LinkedHashSet<>(left.exact());
          exact.addAll(right.exact());
          if (exact.size() > MAX_EXACT) {
            exact = null;
          }
        }
        Set<String> ln = left.need();
        Set<String> rn = right.need();
        Set<String> need = null;
        if (ln != null && rn != null) {
          need = new LinkedHashSet<>(ln);
          need.addAll(rn);
        }
        left = new Info(Math.min(left.min(), right.min()), exact, need);
      }
      return left;
    }

    /**
     * A sequence: adjacent exact parts are joined into runs of exact strings; each run, and the
     * needs of each inexact part, is a candidate for what the sequence needs.
     */
    Info concatenation() throws GiveUp {
      int min = 0;
      Set<String> run = Set.of("");
      boolean whole = true;
      List<Set<String>> need = new ArrayList<>();
      Run longest = null;
      CharClass single = null;
      int items = 0;
      while (more() && peek() != '|' && peek() != ')') {
        Info item = repetition();
        items++;
        single = item.cls();
        if (item.run() != null && (longest == null || item.run().length() > longest.length())) {
          longest = item.run();
        }
        min += item.min();
        if (item.exact() != null) {
          Set<String> product = new LinkedHashSet<>();
          for (String a : run) {
            for (String b : item.exact()) {
              product.add(a + b);
            }
          }
          if (product.size() <= MAX_EXACT
              && product.stream().allMatch(x -> x.length() <= MAX_EXACT_LENGTH)) {
            run = product;
          } else {
            addIfKnown(need, needOf(run));
            run = item.exact();
            whole = false;
          }
          continue;
        }
        addIfKnown(need, needOf(run));
        need.addAll(item.all());
        run = Set.of("");
        whole = false;
      }
      CharClass cls = items == 1 ? single : null;
      if (whole) {
        return new Info(min, run, List.of(), cls, longest);
      }
      addIfKnown(need, needOf(run));
      return new Info(min, null, need, cls, longest);
    }

    private static void addIfKnown(List<Set<String>> groups, Set<String> group) {
      if (group != null) {
        groups.add(group);
      }
    }

    private static Set<String> needOf(Set<String> exact) {
      return exact == null || exact.contains("") ? null : exact;
    }

    Info repetition() throws GiveUp {
      Info atom = atom();
      if (!more()) {
        return atom;
      }
      char c = peek();
      int lo;
      int hi;
      if (c == '*') {
        lo = 0;
        hi = -1;
        pos++;
      } else if (c == '+') {
        lo = 1;
        hi = -1;
        pos++;
      } else if (c == '?') {
        lo = 0;
        hi = 1;
        pos++;
      } else if (c == '{' && isCount()) {
        pos++;
        lo = number();
        hi = lo;
        if (peek() == ',') {
          pos++;
          hi = peek() == '}' ? -1 : number();
        }
        if (peek() != '}') {
          throw new GiveUp();
        }
        pos++;
      } else {
        return atom;
      }
      if (more() && (peek() == '?' || peek() == '+')) {
        pos++; // non-greedy (or possessive, which RE2 refuses anyway): the same strings
      }
      if (lo == 0) {
        Set<String> exact = null;
        if (hi == 1 && atom.exact() != null) {
          exact = new LinkedHashSet<>(atom.exact());
          exact.add("");
        }
        return new Info(0, exact, null);
      }
      Set<String> exact = lo == 1 && hi == 1 ? atom.exact() : null;
      Run run = atom.run();
      if (atom.cls() != null && lo >= MIN_RUN && (run == null || run.length() < lo)) {
        run = new Run(atom.cls(), lo);
      }
      List<Set<String>> needs = atom.all();
      if (exact != null) {
        needs = atom.known();
      }
      return new Info(
          atom.min() * Math.min(lo, 1000),
          exact,
          needs,
          lo == 1 && hi == 1 ? atom.cls() : null,
          run);
    }

    private boolean isCount() {
      int i = pos + 1;
      int digits = 0;
      while (i < p.length() && Character.isDigit(p.charAt(i))) {
        i++;
        digits++;
      }
      return digits > 0 && i < p.length() && (p.charAt(i) == '}' || p.charAt(i) == ',');
    }

    private int number() throws GiveUp {
      int start = pos;
      while (more() && Character.isDigit(peek())) {
        pos++;
      }
      if (pos == start || pos - start > 4) {
        throw new GiveUp();
      }
      return Integer.parseInt(p.substring(start, pos));
    }

    Info atom() throws GiveUp {
      char c = peek();
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '.':
          pos++;
          return charInfo(ANY);
        case '^':
        case '$':
          pos++;
          return empty();
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
          throw new GiveUp();
        default:
          int cp = p.codePointAt(pos);
          pos += Character.charCount(cp);
          return literal(cp);
      }
    }

    private static Info empty() {
      return new Info(0, Set.of(""), null);
    }

    private static Info charInfo(CharClass c) {
      return new Info(1, null, List.of(), c, null);
    }

    /** One literal code point under the current case rule. */
    private Info literal(int cp) {
      CharClass c = classOf(cp);
      if (fold && cp >= 128) {
        return charInfo(c); // RE2 may fold it with characters the scanner does not merge
      }
      return new Info(1, Set.of(folded(cp)), List.of(), c, null);
    }

    /** The characters a literal code point matches under the current case rule. */
    private CharClass classOf(int cp) {
      if (cp >= 128) {
        return new CharClass(new boolean[128], true);
      }
      char c = (char) cp;
      String members = String.valueOf(c);
      boolean beyond = false;
      if (fold && Character.isLetter(c)) {
        members += Character.toUpperCase(c) + "" + Character.toLowerCase(c);
        beyond = "kKsS".indexOf(c) >= 0; // the Kelvin sign and the long s
      }
      return CharClass.of(members, beyond);
    }

    /**
     * A Perl class (d, w, s after a backslash, and their negations) under the current case rule.
     */
    private CharClass perl(char e) {
      CharClass c =
          switch (Character.toLowerCase(e)) {
            case 'd' -> CharClass.of(DIGITS, false);
            case 'w' -> CharClass.of(WORD, fold);
            default -> CharClass.of(SPACE, false);
          };
      return Character.isUpperCase(e) ? c.negate() : c;
    }

    private static String folded(int cp) {
      if (cp < 0x10000) {
        return String.valueOf(LiteralScanner.fold((char) cp));
      }
      return new String(Character.toChars(cp));
    }

    private Info group() throws GiveUp {
      pos++; // (
      boolean saved = fold;
      if (more() && peek() == '?') {
        pos++;
        if (!more()) {
          throw new GiveUp();
        }
        char k = peek();
        if (k == 'P' || k == '<') {
          // Named group: (?P<name>...) or (?<name>...)
          int close = p.indexOf('>', pos);
          if (close < 0) {
            throw new GiveUp();
          }
          pos = close + 1;
        } else {
          // Flags: (?flags) or (?flags:...)
          boolean negate = false;
          Boolean newFold = null;
          while (more() && peek() != ')' && peek() != ':') {
            char f = peek();
            if (f == '-') {
              negate = true;
            } else if (f == 'i') {
              // Turning folding off is ignored: assuming it stays on is the safe side.
              newFold = negate ? null : Boolean.TRUE;
            } else if ("msU".indexOf(f) < 0) {
              throw new GiveUp();
            }
            pos++;
          }
          if (!more()) {
            throw new GiveUp();
          }
          if (peek() == ')') {
            pos++;
            if (newFold != null) {
              fold = true; // applies to the rest of the enclosing group
            }
            return empty();
          }
          pos++; // ':'
          if (newFold != null) {
            fold = true;
          }
        }
      }
      Info inner = alternation();
      if (!more() || peek() != ')') {
        throw new GiveUp();
      }
      pos++;
      fold = saved;
      return inner;
    }

    private Info escape() throws GiveUp {
      pos++; // backslash
      if (!more()) {
        throw new GiveUp();
      }
      char c = peek();
      pos++;
      switch (c) {
        case 'd', 'D', 'w', 'W', 's', 'S':
          return charInfo(perl(c));
        case 'C':
          return charInfo(ANY);
        case 'p', 'P':
          if (more() && peek() == '{') {
            int close = p.indexOf('}', pos);
            if (close < 0) {
              throw new GiveUp();
            }
            pos = close + 1;
          } else {
            pos++;
          }
          return charInfo(ANY);
        case 'b', 'B', 'A', 'z':
          return empty();
        case 'n':
          return literal('\n');
        case 't':
          return literal('\t');
        case 'r':
          return literal('\r');
        case 'f':
          return literal('\f');
        case 'v':
          return literal(0x0B);
        case 'a':
          return literal(0x07);
        case 'x':
          return literal(hexEscape());
        case 'Q':
          {
            int end = p.indexOf("\\E", pos);
            String text = end < 0 ? p.substring(pos) : p.substring(pos, end);
            pos = end < 0 ? p.length() : end + 2;
            // A repetition after \E repeats the quoted text's last character only (\Qab\E{2} is
            // abb), not the text as this atom would: not followed.
            if (text.codePointCount(0, text.length()) > 1
                && more()
                && "*+?{".indexOf(peek()) >= 0) {
              throw new GiveUp();
            }
            Set<String> exact = Set.of("");
            int min = 0;
            for (int i = 0; i < text.length(); ) {
              int cp = text.codePointAt(i);
              i += Character.charCount(cp);
              Info l = literal(cp);
              if (l.exact() == null) {
                return new Info(min + text.codePointCount(i, text.length()) + 1, null, null);
              }
              exact = Set.of(exact.iterator().next() + l.exact().iterator().next());
              min++;
            }
            return new Info(min, exact, null);
          }
        default:
          if (c >= '0' && c <= '7') {
            throw new GiveUp(); // octal escapes and the like: not followed
          }
          if (Character.isLetterOrDigit(c)) {
            throw new GiveUp();
          }
          return literal(c); // an escaped punctuation character stands for itself
      }
    }

    private int hexEscape() throws GiveUp {
      if (more() && peek() == '{') {
        int close = p.indexOf('}', pos);
        if (close < 0) {
          throw new GiveUp();
        }
        int cp = Integer.parseInt(p.substring(pos + 1, close), 16);
        pos = close + 1;
        return cp;
      }
      if (pos + 2 > p.length()) {
        throw new GiveUp();
      }
      int cp = Integer.parseInt(p.substring(pos, pos + 2), 16);
      pos += 2;
      return cp;
    }

    /** A bracketed class: exact when it holds few characters that can be listed. */
    private Info charClass() throws GiveUp {
      pos++; // [
      boolean negated = more() && peek() == '^';
      if (negated) {
        pos++;
      }
      Set<String> members = new LinkedHashSet<>();
      CharClass cc = CharClass.of("", false);
      boolean listable = !negated;
      boolean first = true;
      while (more() && (peek() != ']' || first)) {
        first = false;
        int lo;
        if (peek() == '[' && p.startsWith("[:", pos)) {
          int close = p.indexOf(":]", pos);
          if (close < 0) {
            throw new GiveUp();
          }
          pos = close + 2;
          listable = false;
          cc = ANY;
          continue;
        }
        if (peek() == '\\') {
          pos++;
          if (!more()) {
            throw new GiveUp();
          }
          char e = peek();
          pos++;
          if ("dDwWsSpP".indexOf(e) >= 0) {
            if ((e == 'p' || e == 'P') && more() && peek() == '{') {
              int close = p.indexOf('}', pos);
              if (close < 0) {
                throw new GiveUp();
              }
              pos = close + 1;
            } else if (e == 'p' || e == 'P') {
              pos++;
            }
            cc = cc.union(e == 'p' || e == 'P' ? ANY : perl(e));
            listable = false;
            continue;
          }
          lo =
              switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'f' -> '\f';
                case 'v' -> 0x0B;
                case 'a' -> 0x07;
                case 'x' -> hexEscape();
                default -> {
                  if (Character.isLetterOrDigit(e)) {
                    throw new GiveUp();
                  }
                  yield e;
                }
              };
        } else {
          lo = p.codePointAt(pos);
          pos += Character.charCount(lo);
        }
        int hi = lo;
        if (more() && peek() == '-' && pos + 1 < p.length() && p.charAt(pos + 1) != ']') {
          pos++;
          if (peek() == '\\') {
            pos++;
            char e = peek();
            pos++;
            if (Character.isLetterOrDigit(e)) {
              throw new GiveUp();
            }
            hi = e;
          } else {
            hi = p.codePointAt(pos);
            pos += Character.charCount(hi);
          }
        }
        for (int cp = lo; cp <= Math.min(hi, 127); cp++) {
          cc = cc.union(classOf(cp));
        }
        if (hi >= 128) {
          cc = cc.union(new CharClass(new boolean[128], true));
        }
        if (hi - lo > 8) {
          listable = false;
          continue;
        }
        for (int cp = lo; cp <= hi; cp++) {
          Info l = literal(cp);
          if (l.exact() == null) {
            listable = false;
          } else {
            members.addAll(l.exact());
          }
        }
      }
      if (!more()) {
        throw new GiveUp();
      }
      pos++; // ]
      if (negated) {
        cc = cc.negate();
      }
      if (listable && !members.isEmpty() && members.size() <= 4) {
        return new Info(1, members, List.of(), cc, null);
      }
      return charInfo(cc);
    }
  }
}
