package org.sigmaworkbench.kql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.sigmaworkbench.kql.KqlExpression.And;
import org.sigmaworkbench.kql.KqlExpression.Call;
import org.sigmaworkbench.kql.KqlExpression.Cmp;
import org.sigmaworkbench.kql.KqlExpression.Member;
import org.sigmaworkbench.kql.KqlExpression.Name;
import org.sigmaworkbench.kql.KqlExpression.Not;
import org.sigmaworkbench.kql.KqlExpression.Num;
import org.sigmaworkbench.kql.KqlExpression.Or;
import org.sigmaworkbench.kql.KqlExpression.Str;

/**
 * Why this converter's query for a rule differs from the reference converter's. Each known kind of
 * difference is a named rewrite that brings one query to the other's form: either the two mean the
 * same ({@code equal:} categories) or the reference is wrong in a way the category names ({@code
 * reference:} categories). What is left when no rewrite applies is unexplained.
 */
final class ReferenceDifferences {

  /** The categories that explain a difference; {@code explained} is false when some is left. */
  record Result(Set<String> categories, boolean explained, String residue) {}

  private final String target;
  private final Set<String> categories = new TreeSet<>();

  private ReferenceDifferences(String target) {
    this.target = target;
  }

  static Result classify(String target, String reference, String ours) {
    return new ReferenceDifferences(target).run(reference, ours);
  }

  /** A query split into its table, row filter, computed columns and condition. */
  private record Query(String table, String filter, String extend, String condition) {
    static Query of(String q) {
      String[] lines = q.split("\n");
      String filter = null;
      String extend = null;
      String condition = null;
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].startsWith("| extend ")) {
          extend = lines[i].substring(9);
        } else if (lines[i].startsWith("| where ")) {
          if (condition != null) {
            filter = condition;
          }
          condition = lines[i].substring(8);
        } else {
          throw new IllegalArgumentException("unexpected line: " + lines[i]);
        }
      }
      if (condition != null
          && filter == null
          && extend != null
          && q.indexOf("| where ") < q.indexOf("| extend ")) {
        filter = condition;
        condition = null;
      }
      return new Query(lines[0], filter, extend, condition);
    }
  }

  /**
   * The branches of {@code union\n (A\n | ...),\n (B\n | ...)}, each as a query. A raw line break
   * only ends a step (values escape theirs), so {@code "),\n ("} only joins two branches.
   */
  static List<String> branches(String union) {
    String body = union.substring("union\n  (".length(), union.length() - 1);
    List<String> out = new ArrayList<>();
    for (String b : body.split(Pattern.quote("),\n  ("), -1)) {
      out.add(b.replace("\n  ", "\n"));
    }
    return out;
  }

  private Result run(String reference, String ours) {
    if (reference.equals(ours)) {
      return new Result(Set.of(), true, "");
    }
    Query ref = Query.of(reference);
    if (ours.startsWith("union\n")) {
      // The logsource lives in several tables: compare with our branch over the reference's table.
      categories.add("reference:reads-one-of-the-tables");
      List<String> branches = branches(ours);
      String pick = branches.get(0);
      for (String b : branches) {
        if (b.startsWith(ref.table() + "\n")) {
          pick = b;
        }
      }
      ours = pick;
      if (reference.equals(ours)) {
        return new Result(categories, true, "");
      }
    }
    Query our = Query.of(ours);
    if (!ref.table().equals(our.table())) {
      categories.add("reference:table:" + ref.table() + "->" + our.table());
      return new Result(categories, true, "");
    }
    if (our.filter() != null) {
      categories.add("reference:reads-other-events-of-the-table");
    }
    KqlExpression r =
        ref.condition() == null
            ? null
            : KqlExpression.normalize(KqlExpression.parse(ref.condition()));
    KqlExpression o =
        our.condition() == null
            ? null
            : KqlExpression.normalize(KqlExpression.parse(our.condition()));
    if (r == null || o == null) {
      categories.add(r == null ? "reference:drops-the-whole-condition" : "unexplained");
      return new Result(categories, r == null, "");
    }
    if (our.extend() != null && our.extend().startsWith("TargetObject = ")) {
      // The reference reads TargetObject from the key alone; the value name is lost.
      categories.add("reference:registry-value-name-dropped");
      r = rename(r, Map.of("RegistryKey", "TargetObject"));
    }
    if (target.equals("sentinel_asim") && our.table().equals("imFileEvent")) {
      // The reference reads Image from TargetFilePath (the written file) and TargetFilename from
      // TargetFileName (the file's name alone).
      KqlExpression renamed =
          rename(
              r, Map.of("TargetFileName", "TargetFilePath", "TargetFilePath", "ActingProcessName"));
      if (!same(renamed, r)) {
        categories.add("reference:asim-file-event-columns");
        r = renamed;
      }
    }
    if (target.equals("microsoft_xdr") && our.table().equals("DeviceFileEvents")) {
      // The reference reads User from RequestAccountName, the account of a remote (SMB) request.
      KqlExpression renamed =
          rename(r, Map.of("RequestAccountName", "InitiatingProcessAccountName"));
      if (!same(renamed, r)) {
        categories.add("reference:file-event-user-is-the-remote-requester");
        r = renamed;
      }
    }
    if (target.equals("azure_monitor") && our.table().equals("SecurityEvent")) {
      // The reference reads Hashes from FileHash, which Security 4688 rows never fill; here the
      // SecurityEvent branch lacks Hashes, so an alternative on it cannot hold and is left out.
      KqlExpression dropped = KqlExpression.normalize(dropAlternativesOn(r, "FileHash"));
      if (!same(dropped, r)) {
        categories.add("reference:hashes-from-filehash");
        r = dropped;
      }
    }
    if (same(r, o)) {
      if (categories.isEmpty()) {
        categories.add("equal:layout");
      }
      return new Result(categories, true, "");
    }
    List<Rewrite> all = rewrites();
    Attempt a = attempt(all, r, o);
    if (a.applied() == null) {
      categories.add("unexplained");
      return new Result(categories, false, residue(a.reference(), a.ours()));
    }
    // The smallest explanation: leave out each rewrite that was not needed.
    List<Rewrite> needed = new ArrayList<>(all);
    for (String c : List.copyOf(a.applied())) {
      List<Rewrite> without = new ArrayList<>(needed);
      without.removeIf(rw -> rw.category().equals(c));
      if (attempt(without, r, o).applied() != null) {
        needed = without;
      }
    }
    categories.addAll(attempt(needed, r, o).applied());
    return new Result(categories, true, "");
  }

  /**
   * The rewrites that made the two conditions equal ({@code null} when none did), with the
   * conditions as far as they got.
   */
  private record Attempt(Set<String> applied, KqlExpression reference, KqlExpression ours) {}

  private static Attempt attempt(List<Rewrite> rewrites, KqlExpression r, KqlExpression o) {
    Set<String> applied = new TreeSet<>();
    for (int round = 0; round < 3; round++) {
      for (Rewrite rw : rewrites) {
        KqlExpression r2 = KqlExpression.normalize(rw.reference().apply(r, o));
        KqlExpression o2 = KqlExpression.normalize(rw.ours().apply(o, r));
        if (!same(r2, r) || !same(o2, o)) {
          applied.add(rw.category());
          r = r2;
          o = o2;
        }
        if (same(r, o)) {
          return new Attempt(applied, r, o);
        }
      }
    }
    return new Attempt(null, r, o);
  }

  /** The parts of the two conditions that still differ, for the message. */
  private static String residue(KqlExpression r, KqlExpression o) {
    String a = KqlExpression.canonical(r);
    String b = KqlExpression.canonical(o);
    int start = 0;
    while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int end = 0;
    while (end < a.length() - start
        && end < b.length() - start
        && a.charAt(a.length() - 1 - end) == b.charAt(b.length() - 1 - end)) {
      end++;
    }
    int from = Math.max(0, start - 40);
    return "reference ..."
        + a.substring(from, a.length() - end)
        + "...\n  ours      ..."
        + b.substring(from, b.length() - end)
        + "...";
  }

  private static boolean same(KqlExpression a, KqlExpression b) {
    return KqlExpression.canonical(a).equals(KqlExpression.canonical(b));
  }

  /**
   * A named rewrite of the reference's condition, of ours, or of both; each function gets the
   * condition to rewrite and the other side's.
   */
  private record Rewrite(
      String category,
      BiFunction<KqlExpression, KqlExpression, KqlExpression> reference,
      BiFunction<KqlExpression, KqlExpression, KqlExpression> ours) {

    static Rewrite onReference(String category, UnaryOperator<KqlExpression> f) {
      return new Rewrite(category, (e, other) -> f.apply(e), (e, other) -> e);
    }

    static Rewrite onOurs(String category, UnaryOperator<KqlExpression> f) {
      return new Rewrite(category, (e, other) -> e, (e, other) -> f.apply(e));
    }
  }

  private List<Rewrite> rewrites() {
    List<Rewrite> out = new ArrayList<>();
    out.add(
        Rewrite.onOurs(
            "equal:first-non-empty-of-two-columns", ReferenceDifferences::expandCoalesce));
    out.add(
        Rewrite.onReference(
            "reference:asim-parentimage-read-from-two-columns",
            ReferenceDifferences::dropParentProcessName));
    out.add(
        Rewrite.onReference(
            "equal:full-length-hash-prefix-is-equality", ReferenceDifferences::hashPrefixes));
    out.add(
        Rewrite.onReference(
            "equal:empty-value-matches-everything", ReferenceDifferences::emptyPrefixes));
    out.add(
        Rewrite.onReference(
            "equal:equal-to-the-empty-text-is-isempty", ReferenceDifferences::emptyEquality));
    out.add(
        Rewrite.onReference(
            "reference:empty-text-found-where-there-is-no-value",
            ReferenceDifferences::emptyTextFound));
    out.add(
        Rewrite.onReference(
            "reference:wildcard-as-case-sensitive-unanchored-regex",
            ReferenceDifferences::wildcardRegex));
    out.add(
        Rewrite.onReference(
            "reference:trailing-backslash-read-as-escaped-wildcard",
            ReferenceDifferences::trailingBackslash));
    out.add(
        Rewrite.onReference(
            "reference:keyword-as-bare-string", ReferenceDifferences::bareKeywords));
    out.add(
        Rewrite.onReference(
            "reference:isnull-on-a-string-column", ReferenceDifferences::isnullToIsempty));
    out.add(
        Rewrite.onOurs(
            "reference:number-compared-with-a-string-column",
            ReferenceDifferences::dropNumberConversion));
    out.add(
        Rewrite.onReference(
            "reference:number-compared-as-a-string", ReferenceDifferences::numericStrings));
    out.add(Rewrite.onOurs("reference:account-domain-ignored", ReferenceDifferences::nameOnly));
    out.add(
        new Rewrite(
            "reference:registry-hive-spelling",
            (e, other) -> currentControlSet(e),
            (e, other) -> sysmonHives(e)));
    out.add(
        Rewrite.onOurs("reference:ipv6-network-tested-as-ipv4", ReferenceDifferences::ipv6AsIpv4));
    out.add(Rewrite.onOurs("reference:initiated-dropped", ReferenceDifferences::dropInitiated));
    out.add(
        Rewrite.onReference(
            "reference:initiated-as-direction-true", ReferenceDifferences::directionTrue));
    out.add(
        Rewrite.onOurs(
            "equal:isnull-is-isempty-on-numbers", ReferenceDifferences::isnullOnNumbers));
    out.add(
        Rewrite.onReference(
            "reference:hex-number-compared-as-text", ReferenceDifferences::hexNumbers));
    out.add(
        Rewrite.onReference(
            "reference:registry-event-type-not-translated",
            ReferenceDifferences::registryEventTypes));
    out.add(
        new Rewrite(
            "equal:case-of-a-case-insensitive-value",
            (e, other) -> lowerCaseInsensitive(e),
            (e, other) -> lowerCaseInsensitive(e)));
    out.add(
        Rewrite.onOurs(
            "reference:string-operator-on-a-typed-column", ReferenceDifferences::dropToString));
    out.add(
        Rewrite.onReference(
            "reference:full-path-compared-with-a-file-name-column",
            ReferenceDifferences::fileNameColumns));
    out.add(
        Rewrite.onOurs(
            "reference:null-on-two-columns-as-either", ReferenceDifferences::emptyOfTwoAsEither));
    out.add(
        Rewrite.onReference(
            "reference:registry-delete-key-includes-value-deletes",
            ReferenceDifferences::deleteKeyOnly));
    out.add(
        Rewrite.onOurs(
            "reference:objecttype-condition-dropped", ReferenceDifferences::dropObjectType));
    out.add(
        new Rewrite(
            "reference:security-process-name-read-from-4688-column",
            ReferenceDifferences::securityProcessName,
            (e, other) -> e));
    out.add(
        new Rewrite(
            "reference:hex-text-compared-as-a-number",
            ReferenceDifferences::hexText,
            (e, other) -> e));
    out.add(
        Rewrite.onOurs(
            "reference:null-comparison-under-not-drops-rows", ReferenceDifferences::dropCoalesce));
    out.add(
        Rewrite.onOurs(
            "reference:non-ascii-letters-folded-as-ascii", ReferenceDifferences::dropToLower));
    // Last: rewrites that lose detail, only where nothing else made the two equal.
    out.add(
        Rewrite.onOurs(
            "reference:keyword-wildcards-as-literal-text", ReferenceDifferences::keywordPatterns));
    out.add(
        new Rewrite(
            "reference:middle-wildcard-split-into-independent-contains",
            (e, other) -> e,
            ReferenceDifferences::regexToContains));
    out.add(
        new Rewrite(
            "reference:single-character-wildcard-dropped",
            (e, other) -> e,
            ReferenceDifferences::questionMarks));
    out.add(
        new Rewrite(
            "reference:escaped-backslashes-miscounted",
            (e, other) -> e,
            ReferenceDifferences::collapseBackslashes));
    return out;
  }

  /** {@code coalesce(x, false)} as {@code x}: the reference lets a null comparison stay null. */
  private static KqlExpression dropCoalesce(KqlExpression e) {
    return map(
        e,
        x ->
            x instanceof Call c
                    && c.function().equals("coalesce")
                    && c.args().size() == 2
                    && c.args().get(1) instanceof Name n
                    && n.name().equals("false")
                ? c.args().get(0)
                : x);
  }

  /**
   * {@code tolower(col) contains_cs "ü"} as {@code col contains "ü"}: the reference relies on KQL's
   * case-insensitive operators, which fold ASCII letters only.
   */
  private static KqlExpression dropToLower(KqlExpression e) {
    Map<String, String> caseInsensitive =
        Map.of(
            "==",
            "=~",
            "contains_cs",
            "contains",
            "startswith_cs",
            "startswith",
            "endswith_cs",
            "endswith");
    return map(
        e,
        x ->
            x instanceof Cmp c
                    && c.left() instanceof Call l
                    && l.function().equals("tolower")
                    && l.args().size() == 1
                    && caseInsensitive.containsKey(c.op())
                ? new Cmp(l.args().get(0), caseInsensitive.get(c.op()), c.right())
                : x);
  }

  /** The expression without the alternatives (terms of an or) that compare the column. */
  static KqlExpression dropAlternativesOn(KqlExpression e, String column) {
    if (e instanceof Or o) {
      List<KqlExpression> kept = new ArrayList<>();
      for (KqlExpression t : o.terms()) {
        if (!(t instanceof Cmp c && c.left() instanceof Name n && n.name().equals(column))) {
          kept.add(dropAlternativesOn(t, column));
        }
      }
      return kept.isEmpty() ? e : kept.size() == 1 ? kept.get(0) : new Or(kept);
    }
    if (e instanceof And a) {
      List<KqlExpression> terms = new ArrayList<>();
      for (KqlExpression t : a.terms()) {
        terms.add(dropAlternativesOn(t, column));
      }
      return new And(terms);
    }
    if (e instanceof Not n) {
      return new Not(dropAlternativesOn(n.term(), column));
    }
    return e;
  }

  static KqlExpression rename(KqlExpression e, Map<String, String> names) {
    return map(
        e,
        x ->
            x instanceof Name n && names.containsKey(n.name()) ? new Name(names.get(n.name())) : x);
  }

  /** Applies {@code f} bottom-up to every node. */
  static KqlExpression map(KqlExpression e, UnaryOperator<KqlExpression> f) {
    KqlExpression inner;
    if (e instanceof Or o) {
      inner = new Or(o.terms().stream().map(t -> map(t, f)).toList());
    } else if (e instanceof And a) {
      inner = new And(a.terms().stream().map(t -> map(t, f)).toList());
    } else if (e instanceof Not n) {
      inner = new Not(map(n.term(), f));
    } else if (e instanceof Cmp c) {
      inner = new Cmp(map(c.left(), f), c.op(), map(c.right(), f));
    } else if (e instanceof Call c) {
      inner = new Call(c.function(), c.args().stream().map(t -> map(t, f)).toList());
    } else if (e instanceof Member m) {
      inner = new Member(map(m.base(), f), m.property());
    } else {
      inner = e;
    }
    return f.apply(inner);
  }

  // ---- the reference's own faults ----

  /**
   * {@code coalesce(A, B) op v} against the reference's {@code A op v or B op v}: the same where
   * the table fills one of the two (ASIM's source and destination process of a network session).
   */
  private static KqlExpression expandCoalesce(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c && c.left() instanceof Call f && f.function().equals("coalesce")) {
            List<KqlExpression> terms = new ArrayList<>();
            for (KqlExpression a : f.args()) {
              terms.add(new Cmp(a, c.op(), c.right()));
            }
            return new Or(terms);
          }
          if (x instanceof Call c
              && (c.function().equals("isempty") || c.function().equals("isnotempty"))
              && c.args().size() == 1
              && c.args().get(0) instanceof Call f
              && f.function().equals("coalesce")) {
            List<KqlExpression> terms = new ArrayList<>();
            for (KqlExpression a : f.args()) {
              terms.add(new Call(c.function(), List.of(a)));
            }
            return c.function().equals("isempty") ? new And(terms) : new Or(terms);
          }
          return x;
        });
  }

  /**
   * ASIM: the reference tests ParentImage on ParentProcessName (the grandparent) as well as on
   * ActingProcessName (the parent); each such term is dropped where its ActingProcessName twin is.
   */
  private static KqlExpression dropParentProcessName(KqlExpression e) {
    return map(
        e,
        x -> {
          if (!(x instanceof Or o)) {
            return x;
          }
          Set<String> terms = new java.util.HashSet<>();
          for (KqlExpression t : o.terms()) {
            terms.add(KqlExpression.canonical(t));
          }
          List<KqlExpression> kept = new ArrayList<>();
          for (KqlExpression t : o.terms()) {
            String c = KqlExpression.canonical(t);
            String twin =
                KqlExpression.canonical(
                    rename(t, Map.of("ParentProcessName", "ActingProcessName")));
            if (!twin.equals(c) && terms.contains(twin)) {
              continue;
            }
            kept.add(t);
          }
          return kept.size() == 1 ? kept.get(0) : new Or(kept);
        });
  }

  /** An empty value is found at the start, the end or anywhere of every value alike. */
  private static KqlExpression emptyPrefixes(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && (c.op().equals("startswith") || c.op().equals("endswith"))
              && c.right() instanceof Str s
              && s.value().isEmpty()) {
            return new Cmp(c.left(), "contains", s);
          }
          return x;
        });
  }

  /** {@code x =~ ""} on text is {@code isempty(x)}: no value. */
  private static KqlExpression emptyEquality(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && (c.op().equals("=~") || c.op().equals("=="))
              && c.right() instanceof Str s
              && s.value().isEmpty()) {
            return new Call("isempty", List.of(c.left()));
          }
          return x;
        });
  }

  /**
   * {@code x contains ""} holds on an empty value too; a field with no value matches no {@code
   * contains} (see {@code Predicate.holdsOnNoValue}), so ours is {@code isnotempty(x)}.
   */
  private static KqlExpression emptyTextFound(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && Set.of("contains", "contains_cs", "startswith", "startswith_cs", "endswith")
                  .contains(c.op())
              && c.right() instanceof Str s
              && s.value().isEmpty()) {
            return new Call("isnotempty", List.of(c.left()));
          }
          return x;
        });
  }

  private static final Map<Integer, Boolean> HASH_LENGTHS =
      Map.of(32, true, 40, true, 64, true, 128, true);

  /** A full-length hash prefix is the hash: {@code startswith} there is {@code =~}. */
  private static KqlExpression hashPrefixes(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.op().equals("startswith")
              && c.right() instanceof Str s
              && HASH_LENGTHS.containsKey(s.value().length())
              && s.value().matches("[0-9A-Fa-f]+")) {
            return new Cmp(c.left(), "=~", s);
          }
          return x;
        });
  }

  /** A regex leaf of the reference that is a wildcard pattern, written as ours would write it. */
  private static KqlExpression wildcardRegex(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c && c.op().equals("matches regex") && c.right() instanceof Str s) {
            List<String> tokens = wildcardTokens(s.value(), false);
            if (tokens != null) {
              return new Cmp(c.left(), "matches regex", new Str(ourRegex(tokens)));
            }
          }
          return x;
        });
  }

  /**
   * The wildcard tokens of a regex that only uses {@code .*}, {@code .} and escaped or plain
   * characters ({@code *}, {@code ?}, and one-character literals); {@code null} for any other
   * regex. With {@code ours}, the {@code (?is)^...$} frame is required.
   */
  static List<String> wildcardTokens(String regex, boolean ours) {
    String r = regex;
    if (ours) {
      if (!r.startsWith("(?is)^") || !r.endsWith("$")) {
        return null;
      }
      r = r.substring(6, r.length() - 1);
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c == '.' && i + 1 < r.length() && r.charAt(i + 1) == '*') {
        tokens.add("*");
        i++;
      } else if (c == '.') {
        tokens.add("?");
      } else if (c == '\\' && i + 1 < r.length()) {
        tokens.add("L" + r.charAt(++i));
      } else if ("[](){}|+^$*?".indexOf(c) >= 0) {
        return null;
      } else {
        tokens.add("L" + c);
      }
    }
    return tokens;
  }

  private static String ourRegex(List<String> tokens) {
    StringBuilder b = new StringBuilder("(?is)^");
    for (String t : tokens) {
      if (t.equals("*")) {
        b.append(".*");
      } else if (t.equals("?")) {
        b.append('.');
      } else {
        char c = t.charAt(1);
        if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
          b.append('\\');
        }
        b.append(c);
      }
    }
    return b.append('$').toString();
  }

  /**
   * Our anchored wildcard regex, as the reference writes a wildcard in a value list: each literal
   * part as an independent {@code contains}, order and anchors lost.
   */
  private static KqlExpression regexToContains(KqlExpression e, KqlExpression other) {
    String there = KqlExpression.canonical(other);
    return map(
        e,
        x -> {
          if (!(x instanceof Cmp c && c.op().equals("matches regex") && c.right() instanceof Str s)
              || there.contains(KqlExpression.canonical(x))) {
            return x;
          }
          List<String> tokens = wildcardTokens(s.value(), true);
          if (tokens == null) {
            return x;
          }
          List<KqlExpression> parts = new ArrayList<>();
          StringBuilder literal = new StringBuilder();
          for (String t : tokens) {
            if (t.equals("*") || t.equals("?")) {
              if (literal.length() > 0) {
                parts.add(new Cmp(c.left(), "contains", new Str(literal.toString())));
                literal.setLength(0);
              }
            } else {
              literal.append(t.charAt(1));
            }
          }
          if (literal.length() > 0) {
            parts.add(new Cmp(c.left(), "contains", new Str(literal.toString())));
          }
          return parts.size() < 2 ? x : new And(parts);
        });
  }

  /**
   * A value ending in a backslash, with {@code contains} or {@code startswith}: the reference reads
   * the backslash and the added wildcard as an escaped {@code *}.
   */
  private static KqlExpression trailingBackslash(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c && c.right() instanceof Str s && s.value().endsWith("*")) {
            String v = s.value().substring(0, s.value().length() - 1) + "\\";
            if (c.op().equals("endswith")) {
              return new Cmp(c.left(), "contains", new Str(v));
            }
            if (c.op().equals("=~")) {
              return new Cmp(c.left(), "startswith", new Str(v));
            }
          }
          return x;
        });
  }

  /**
   * Our keyword with wildcards ({@code * matches regex}), as the reference writes it: the keyword
   * text, wildcards included, searched as plain text.
   */
  private static KqlExpression keywordPatterns(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.left() instanceof Name n
              && n.name().equals("*")
              && c.op().equals("matches regex")
              && c.right() instanceof Str s) {
            List<String> tokens = wildcardTokens(s.value(), true);
            if (tokens != null) {
              int from = 0;
              int to = tokens.size();
              while (from < to && tokens.get(from).equals("*")) {
                from++;
              }
              while (to > from && tokens.get(to - 1).equals("*")) {
                to--;
              }
              StringBuilder text = new StringBuilder();
              for (String t : tokens.subList(from, to)) {
                text.append(t.length() == 1 ? t : t.substring(1));
              }
              return new Cmp(n, "contains", new Str(text.toString()));
            }
          }
          return x;
        });
  }

  /** The reference writes a keyword as a bare string, which is not a filter. */
  private static KqlExpression bareKeywords(KqlExpression e) {
    if (e instanceof Str s) {
      return new Cmp(new Name("*"), "contains", s);
    }
    if (e instanceof Or o) {
      return new Or(o.terms().stream().map(ReferenceDifferences::bareKeywords).toList());
    }
    if (e instanceof And a) {
      return new And(a.terms().stream().map(ReferenceDifferences::bareKeywords).toList());
    }
    if (e instanceof Not n) {
      return new Not(bareKeywords(n.term()));
    }
    return e;
  }

  /** {@code isnull} never holds for a string column; Sigma's null is an empty value. */
  private static KqlExpression isnullToIsempty(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Call c && c.args().size() == 1) {
            if (c.function().equals("isnull")) {
              return new Call("isempty", c.args());
            }
            if (c.function().equals("isnotnull")) {
              return new Call("isnotempty", c.args());
            }
          }
          return x;
        });
  }

  /** Ours converts a string column before comparing it with a number; the reference does not. */
  private static KqlExpression dropNumberConversion(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.left() instanceof Call f
              && (f.function().equals("tolong") || f.function().equals("todouble"))
              && f.args().size() == 1
              && c.right() instanceof Num) {
            return new Cmp(f.args().get(0), c.op(), c.right());
          }
          return x;
        });
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  /** The reference compares numbers as strings ({@code in~ ("80", "443")}). */
  private static KqlExpression numericStrings(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && (c.op().equals("=~") || c.op().equals("=="))
              && c.right() instanceof Str s
              && NUMBER.matcher(s.value()).matches()) {
            return new Cmp(c.left(), "==", new Num(s.value()));
          }
          return x;
        });
  }

  private static final Map<String, String> NAME_COLUMNS = new HashMap<>();

  static {
    NAME_COLUMNS.put("AccountDomain", "AccountName");
    NAME_COLUMNS.put("InitiatingProcessAccountDomain", "InitiatingProcessAccountName");
    NAME_COLUMNS.put("SubjectDomainName", "SubjectUserName");
  }

  /**
   * Ours compares Sigma's {@code DOMAIN\name} with both columns; the reference only with the name
   * column, so {@code User|contains: 'AUTHORI'} never sees {@code NT AUTHORITY}.
   */
  private static KqlExpression nameOnly(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Or o) {
            // DOMAIN contains v or NAME contains v: the reference keeps only the second.
            Set<String> names = new java.util.HashSet<>();
            for (KqlExpression t : o.terms()) {
              names.add(KqlExpression.canonical(t));
            }
            List<KqlExpression> kept = new ArrayList<>();
            for (KqlExpression t : o.terms()) {
              if (t instanceof Cmp c
                  && c.left() instanceof Name d
                  && NAME_COLUMNS.containsKey(d.name())
                  && names.contains(
                      KqlExpression.canonical(
                          new Cmp(new Name(NAME_COLUMNS.get(d.name())), c.op(), c.right())))) {
                continue;
              }
              kept.add(t);
            }
            return kept.size() == 1 ? kept.get(0) : new Or(kept);
          }
          if (x instanceof Call c
              && c.function().equals("iff")
              && c.args().size() == 3
              && c.args().get(1) instanceof Name n
              && NAME_COLUMNS.containsValue(n.name())) {
            return n;
          }
          return x;
        });
  }

  private static final Map<String, String> HIVES =
      Map.of(
          "HKEY_LOCAL_MACHINE\\",
          "HKLM\\",
          "HKEY_USERS\\",
          "HKU\\",
          "HKEY_CURRENT_USER\\",
          "HKU\\");

  /**
   * Our values in the table's hive spelling, back in Sysmon's, and our back-transformed column as
   * the plain one: what is left is the reference's hive handling.
   */
  private static KqlExpression sysmonHives(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Call c && c.function().equals("case") && !c.args().isEmpty()) {
            return c.args().get(c.args().size() - 1);
          }
          if (x instanceof Str s) {
            for (Map.Entry<String, String> h : HIVES.entrySet()) {
              if (s.value().regionMatches(true, 0, h.getKey(), 0, h.getKey().length())) {
                return new Str(h.getValue() + s.value().substring(h.getKey().length()));
              }
            }
          }
          if (x instanceof Or o) {
            // contains "HKLM\x" or startswith "HKLM\x": the second is implied by the first.
            Set<String> contained = new java.util.HashSet<>();
            for (KqlExpression t : o.terms()) {
              if (t instanceof Cmp c && (c.op().equals("contains") || c.op().equals("endswith"))) {
                contained.add(
                    KqlExpression.canonical(c.left())
                        + KqlExpression.canonical(c.right())
                        + c.op());
              }
            }
            List<KqlExpression> kept = new ArrayList<>();
            for (KqlExpression t : o.terms()) {
              if (t instanceof Cmp c
                  && ((c.op().equals("startswith")
                          && contained.contains(
                              KqlExpression.canonical(c.left())
                                  + KqlExpression.canonical(c.right())
                                  + "contains"))
                      || (c.op().equals("=~")
                          && contained.contains(
                              KqlExpression.canonical(c.left())
                                  + KqlExpression.canonical(c.right())
                                  + "endswith")))) {
                continue;
              }
              if (!kept.stream()
                  .anyMatch(k -> KqlExpression.canonical(k).equals(KqlExpression.canonical(t)))) {
                kept.add(t);
              }
            }
            return kept.size() == 1 ? kept.get(0) : new Or(kept);
          }
          return x;
        });
  }

  /**
   * The reference writes {@code CurrentControlSet} as {@code CurrentControlSet001}, and spells
   * hives in full.
   */
  private static KqlExpression currentControlSet(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Str s) {
            String v = s.value().replace("CurrentControlSet001", "CurrentControlSet");
            if (v.regionMatches(true, 0, "HKEY_LOCAL_MACHINE\\CLASSES\\", 0, 27)) {
              v = "HKCR\\" + v.substring(27);
            }
            for (Map.Entry<String, String> h : HIVES.entrySet()) {
              if (v.regionMatches(true, 0, h.getKey(), 0, h.getKey().length())) {
                v = h.getValue() + v.substring(h.getKey().length());
              }
            }
            return new Str(v);
          }
          return x;
        });
  }

  /** The reference tests IPv6 networks with {@code ipv4_is_in_range}, which never matches them. */
  private static KqlExpression ipv6AsIpv4(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Call c && c.function().equals("ipv6_is_in_range")) {
            return new Call("ipv4_is_in_range", c.args());
          }
          if (x instanceof And a
              && a.terms().size() == 2
              && a.terms().get(0) instanceof Call c
              && c.function().equals("ipv4_is_in_range")
              && a.terms().get(1) instanceof Cmp colon
              && colon.right() instanceof Str s
              && s.value().equals(":")) {
            return c;
          }
          return x;
        });
  }

  /** Defender: the reference leaves out Sigma's {@code Initiated} (connection direction). */
  private static KqlExpression dropInitiated(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof And a) {
            List<KqlExpression> kept = new ArrayList<>();
            for (KqlExpression t : a.terms()) {
              if (!isActionTypeDirection(t)) {
                kept.add(t);
              }
            }
            return kept.size() == 1 ? kept.get(0) : new And(kept);
          }
          return x;
        });
  }

  private static boolean isActionTypeDirection(KqlExpression t) {
    String c = KqlExpression.canonical(t);
    return c.equals(
            "or[ActionType =~ \"ConnectionAttempt\", ActionType =~ \"ConnectionFailed\", ActionType =~ \"ConnectionRequest\", ActionType =~ \"ConnectionSuccess\"]")
        || c.equals("ActionType =~ \"InboundConnectionAccepted\"");
  }

  /** ASIM: the reference compares NetworkDirection with Sysmon's "true"/"false". */
  private static KqlExpression directionTrue(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.left() instanceof Name n
              && n.name().equals("NetworkDirection")) {
            String v =
                c.right() instanceof Str s
                    ? s.value()
                    : c.right() instanceof Name b ? b.name() : "";
            if (v.equalsIgnoreCase("true")) {
              return new Cmp(c.left(), c.op(), new Str("Outbound"));
            }
            if (v.equalsIgnoreCase("false")) {
              return new Cmp(c.left(), c.op(), new Str("Inbound"));
            }
          }
          return x;
        });
  }

  /**
   * Our pattern with a {@code ?} (one character of any kind), as the reference writes it: the
   * literal parts as plain text, the {@code ?} dropped.
   */
  private static KqlExpression questionMarks(KqlExpression e, KqlExpression other) {
    String there = KqlExpression.canonical(other);
    return map(
        e,
        x -> {
          if (!(x instanceof Cmp c && c.op().equals("matches regex") && c.right() instanceof Str s)
              || there.contains(KqlExpression.canonical(x))) {
            return x;
          }
          List<String> tokens = wildcardTokens(s.value(), true);
          if (tokens == null || !tokens.contains("?")) {
            return x;
          }
          List<KqlExpression> parts = new ArrayList<>();
          StringBuilder literal = new StringBuilder();
          for (String t : tokens) {
            if (t.length() == 1) {
              if (literal.length() > 0) {
                parts.add(new Cmp(c.left(), "contains", new Str(literal.toString())));
                literal.setLength(0);
              }
            } else {
              literal.append(t.charAt(1));
            }
          }
          if (literal.length() > 0) {
            parts.add(new Cmp(c.left(), "contains", new Str(literal.toString())));
          }
          return parts.isEmpty() ? x : parts.size() == 1 ? parts.get(0) : new And(parts);
        });
  }

  /** On a numeric column {@code isnull} is what {@code isempty} is on text. */
  private static KqlExpression isnullOnNumbers(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Call c && c.function().equals("isnull")) {
            return new Call("isempty", c.args());
          }
          if (x instanceof Call c && c.function().equals("isnotnull")) {
            return new Call("isnotempty", c.args());
          }
          return x;
        });
  }

  /** Sysmon writes a logon id as hex text; a numeric column holds the number. */
  private static KqlExpression hexNumbers(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && (c.op().equals("=~") || c.op().equals("=="))
              && c.right() instanceof Str s
              && s.value().matches("0[xX][0-9a-fA-F]+")) {
            return new Cmp(
                c.left(),
                "==",
                new Num(new java.math.BigInteger(s.value().substring(2), 16).toString()));
          }
          return x;
        });
  }

  private static final Map<String, String> REGISTRY_EVENT_TYPES =
      Map.of(
          "CreateKey", "RegistryKeyCreated",
          "DeleteKey", "RegistryKeyDeleted",
          "RenameKey", "RegistryKeyRenamed",
          "SetValue", "RegistryValueSet",
          "DeleteValue", "RegistryValueDeleted");

  /** The reference leaves Sysmon's registry event types (DeleteValue, ...) untranslated. */
  private static KqlExpression registryEventTypes(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.left() instanceof Name n
              && (n.name().equals("EventType") || n.name().equals("ActionType"))
              && c.right() instanceof Str s
              && REGISTRY_EVENT_TYPES.containsKey(s.value())) {
            return new Cmp(c.left(), c.op(), new Str(REGISTRY_EVENT_TYPES.get(s.value())));
          }
          return x;
        });
  }

  private static final Set<String> CASE_INSENSITIVE =
      Set.of(
          "=~",
          "!~",
          "contains",
          "!contains",
          "startswith",
          "!startswith",
          "endswith",
          "!endswith");

  /** Values compared without regard to case, in lower case. */
  private static KqlExpression lowerCaseInsensitive(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && CASE_INSENSITIVE.contains(c.op())
              && c.right() instanceof Str s) {
            return new Cmp(c.left(), c.op(), new Str(s.value().toLowerCase(java.util.Locale.ROOT)));
          }
          return x;
        });
  }

  /**
   * Ours converts a typed column (a time, a number) to text before a string operator; the reference
   * applies the operator to the typed value.
   */
  private static KqlExpression dropToString(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.left() instanceof Call f
              && f.function().equals("tostring")
              && f.args().size() == 1
              && f.args().get(0) instanceof Name) {
            return new Cmp(f.args().get(0), c.op(), c.right());
          }
          return x;
        });
  }

  private static final Set<String> FILE_NAME_COLUMNS = Set.of("InitiatingProcessParentFileName");

  /** The reference compares a full path ending with a backslash with a file-name column. */
  private static KqlExpression fileNameColumns(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Cmp c
              && c.left() instanceof Name n
              && FILE_NAME_COLUMNS.contains(n.name())
              && c.op().equals("endswith")
              && c.right() instanceof Str s
              && s.value().startsWith("\\")
              && s.value().lastIndexOf('\\') == 0) {
            return new Cmp(c.left(), "=~", new Str(s.value().substring(1)));
          }
          return x;
        });
  }

  /**
   * The reference miscounts backslashes that Sigma escapes ({@code \\\\} for one backslash, {@code
   * \\*} for a literal star): ours with each doubled backslash and each escaped wildcard reduced
   * the way the reference reduces them.
   */
  private static KqlExpression collapseBackslashes(KqlExpression e, KqlExpression other) {
    String there = KqlExpression.canonical(other);
    return map(
        e,
        x -> {
          if (x instanceof Str s && !there.contains(KqlExpression.canonical(s))) {
            String v = s.value().replace("\\\\", "\\").replace("\\*", "*").replace("\\?", "?");
            return new Str(v);
          }
          return x;
        });
  }

  /**
   * Sigma's null on a field read from the first non-empty of two columns is both columns empty; the
   * reference tests either being empty.
   */
  private static KqlExpression emptyOfTwoAsEither(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof And a
              && a.terms().size() == 2
              && a.terms().stream()
                  .allMatch(t -> t instanceof Call c && c.function().equals("isempty"))) {
            return new Or(a.terms());
          }
          return x;
        });
  }

  /** The reference reads Sysmon's DeleteKey as a key or a value deleted. */
  private static KqlExpression deleteKeyOnly(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof Or o && o.terms().size() == 2) {
            Set<String> values = new java.util.HashSet<>();
            KqlExpression column = null;
            for (KqlExpression t : o.terms()) {
              if (t instanceof Cmp c
                  && c.left() instanceof Name n
                  && (n.name().equals("EventType") || n.name().equals("ActionType"))
                  && c.right() instanceof Str v) {
                values.add(v.value().toLowerCase(java.util.Locale.ROOT));
                column = n;
              }
            }
            if (values.equals(Set.of("registrykeydeleted", "registryvaluedeleted"))) {
              return new Cmp(column, "=~", new Str("RegistryKeyDeleted"));
            }
          }
          return x;
        });
  }

  /** Azure Monitor: the reference leaves out conditions on ObjectType. */
  private static KqlExpression dropObjectType(KqlExpression e) {
    return map(
        e,
        x -> {
          if (x instanceof And a) {
            List<KqlExpression> kept = new ArrayList<>();
            for (KqlExpression t : a.terms()) {
              if (!KqlExpression.canonical(t)
                  .replaceAll("ObjectType [=~a-z]+ \"[^\"]*\"", "")
                  .replaceAll("[\\[\\], or]", "")
                  .isEmpty()) {
                kept.add(t);
              }
            }
            return kept.size() == a.terms().size()
                ? x
                : kept.size() == 1 ? kept.get(0) : new And(kept);
          }
          return x;
        });
  }

  /**
   * Security events other than 4688 name the acting process in ProcessName; the reference reads
   * Sigma's ProcessName from NewProcessName, which only 4688 fills.
   */
  private static KqlExpression securityProcessName(KqlExpression e, KqlExpression other) {
    String ours = KqlExpression.canonical(other);
    if (!ours.contains("ProcessName ") || ours.contains("NewProcessName")) {
      return e;
    }
    return rename(e, Map.of("NewProcessName", "ProcessName"));
  }

  /** The reference turns hex text (AccessMask '0x3') into a number compared with a text column. */
  private static KqlExpression hexText(KqlExpression e, KqlExpression other) {
    Map<String, String> hexByValue = new HashMap<>();
    map(
        other,
        x -> {
          if (x instanceof Cmp c
              && c.op().equals("=~")
              && c.right() instanceof Str s
              && s.value().matches("0[xX][0-9a-fA-F]+")) {
            hexByValue.put(
                KqlExpression.canonical(c.left())
                    + "="
                    + new java.math.BigInteger(s.value().substring(2), 16),
                s.value());
          }
          return x;
        });
    return map(
        e,
        x -> {
          if (x instanceof Cmp c && c.op().equals("==") && c.right() instanceof Num n) {
            String hex = hexByValue.get(KqlExpression.canonical(c.left()) + "=" + n.text());
            if (hex != null) {
              return new Cmp(c.left(), "=~", new Str(hex));
            }
          }
          return x;
        });
  }
}
