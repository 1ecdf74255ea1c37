package org.sigmaworkbench.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sigmaworkbench.engine.RunWords;
import org.sigmaworkbench.mapping.FieldMapping;
import org.sigmaworkbench.mapping.Target;
import org.sigmaworkbench.mapping.WindowsLogsources;
import org.sigmaworkbench.rule.LogSource;
import org.sigmaworkbench.rule.RuleIndex;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.SigmaKeys;
import org.sigmaworkbench.rule.attack.Attack;

/**
 * Completion for rule text: from the caret's place in the YAML it offers top-level keys (of a rule,
 * a correlation or a filter), logsource values, field names for the rule's logsource (those the
 * chosen target maps first), modifiers that may follow the ones written, status, level and related
 * types, tags, condition words, and values seen in loaded logs for the field at the caret. Holds no
 * state; safe to call from any thread.
 */
public final class CompletionEngine {

  /** At most this many entries are returned. */
  public static final int LIMIT = 400;

  /**
   * What to offer and which text it replaces.
   *
   * @param from where the replaced word begins
   * @param to where it ends (the caret, or after the rest of the word under it)
   * @param prefix the part of the word before the caret that the entries were filtered by
   * @param items the entries, best first
   */
  public record Result(int from, int to, String prefix, List<Completion> items) {
    public static Result none(int caret) {
      return new Result(caret, caret, "", List.of());
    }
  }

  /** The specification's statuses, in the order a new rule goes through them. */
  static final List<String> STATUS =
      List.of("experimental", "test", "stable", "deprecated", "unsupported");

  static final List<String> LEVELS = RuleMeta.LEVELS;
  static final List<String> RELATED_TYPES = RuleMeta.RELATED_TYPES;
  static final List<String> CORRELATION_TYPES = SigmaKeys.CORRELATION_TYPES;

  /** A correlation condition's keys: the comparisons, then the field a value_* type counts. */
  static final List<String> THRESHOLDS =
      Stream.concat(SigmaKeys.CORRELATION_THRESHOLDS.stream(), Stream.of("field")).toList();

  private static final Map<String, String> STATUS_DOCS =
      Map.of(
          "experimental", "new, little tested; may be noisy",
          "test", "tested, believed to work; tuning may follow",
          "stable", "proven in production over time",
          "deprecated", "replaced or no longer useful; kept for reference",
          "unsupported", "cannot be used as written (needs special log data or syntax)");
  private static final Map<String, String> LEVEL_DOCS =
      Map.of(
          "informational", "for enrichment or hunting, not an alert",
          "low", "worth a look in context",
          "medium", "relevant, needs triage",
          "high", "needs attention soon; few false positives expected",
          "critical", "near certainly malicious; act now");
  private static final Map<String, String> RELATED_DOCS =
      Map.of(
          "derived", "made from the other rule",
          "obsolete", "replaces the other rule",
          "merged", "the other rule was merged into this one",
          "renamed", "the other id was this rule's earlier id",
          "similar", "covers something close");

  /**
   * Completion at {@code caret} of {@code text}.
   *
   * @param target the chosen target, whose field mapping ranks fields; {@code null} for none
   * @param valueStats values seen in loaded logs: field to value to count; {@code null} or empty
   *     when no logs are loaded
   */
  public Result complete(
      String text, int caret, Target target, Map<String, Map<String, Long>> valueStats) {
    if (caret < 0 || caret > text.length()) {
      return Result.none(Math.max(0, Math.min(caret, text.length())));
    }
    YamlPosition pos = YamlPosition.of(text, caret);
    Request r =
        new Request(
            text,
            caret,
            pos,
            Document.of(text, caret),
            target,
            valueStats == null ? Map.of() : valueStats);
    List<String> path = pos.path();
    String line = pos.lineText();

    // top level
    if (path.isEmpty()) {
      if (!pos.onValue()) {
        return keys(r);
      }
      if (pos.key() != null) {
        return topLevelValue(r, pos.key());
      }
      return r.none();
    }
    String first = path.get(0);
    switch (first) {
      case "tags" -> {
        return path.size() == 1 && pos.listItem() && pos.key() == null ? tags(r) : r.none();
      }
      case "related" -> {
        if (pos.key() == null || !pos.onValue() || (pos.listItem() && !line.contains(":"))) {
          if (!line.contains(":")) {
            return r.filtered(
                line,
                List.of(
                    new Completion("id: ", "id", "the related rule's id", Completion.Kind.KEY),
                    new Completion("type: ", "type", "how the rules relate", Completion.Kind.KEY)));
          }
        }
        if ("type".equals(pos.key())) {
          return r.words(line, RELATED_TYPES, RELATED_DOCS);
        }
        return r.none();
      }
      case "logsource" -> {
        if (path.size() != 1) {
          return r.none();
        }
        if (pos.key() == null) {
          return r.filtered(
              line,
              List.of(
                  key("category", "the kind of event: process_creation, network_connection, ..."),
                  key("product", "the system: windows, linux, macos, azure, ..."),
                  key("service", "the log of a product: security, sysmon, powershell, ..."),
                  key("definition", "free text: what must be logged for the rule to work")));
        }
        return logsourceValues(r, pos.key());
      }
      case "detection" -> {
        return detection(r);
      }
      case "correlation" -> {
        return correlation(r);
      }
      case "filter" -> {
        return filter(r);
      }
      default -> {
        return r.none();
      }
    }
  }

  private static Completion key(String name, String description) {
    return new Completion(name + ": ", name, description, Completion.Kind.KEY);
  }

  private Result keys(Request r) {
    Document doc = r.doc();
    List<Completion> out = new ArrayList<>();
    for (SigmaKeys.Key key : SigmaKeys.TOP_LEVEL) {
      String k = key.name();
      if (!key.in(doc.kind) || doc.topKeys.contains(k)) {
        continue;
      }
      String summary = HoverDocs.key(k).map(HoverDocs.Doc::summary).orElse("");
      out.add(new Completion(key.block() ? k + ":" : k + ": ", k, summary, Completion.Kind.KEY));
    }
    if (doc.kind == RuleIndex.Kind.RULE && doc.topKeys.size() <= 2) {
      // a document with no body yet may become a correlation or a filter
      for (String k : List.of("correlation", "filter")) {
        out.add(
            new Completion(
                k + ":",
                k,
                HoverDocs.key(k).map(HoverDocs.Doc::summary).orElse(""),
                Completion.Kind.KEY));
      }
    }
    return r.filtered(r.line(), out);
  }

  private Result topLevelValue(Request r, String key) {
    String value = r.line();
    return switch (key) {
      case "status" -> r.words(value, STATUS, STATUS_DOCS);
      case "level" -> r.words(value, LEVELS, LEVEL_DOCS);
      case "date", "modified" ->
          r.words(value, List.of(java.time.LocalDate.now().toString()), Map.of());
      default -> r.none();
    };
  }

  // ---- tags

  private Result tags(Request r) {
    String written = r.line();
    String lower = written.toLowerCase(Locale.ROOT);
    Attack attack = Attack.enterprise();
    List<Completion> out = new ArrayList<>();
    if (!lower.contains(".")) {
      out.add(ns("attack.", "MITRE ATT&CK tactics, techniques, groups and software"));
      out.add(ns("car.", "MITRE Cyber Analytics Repository: car.YYYY-MM-NNN"));
      out.add(ns("cve.", "a vulnerability: cve.YYYY-NNNN"));
      out.add(ns("detection.", "the rule's type: threat-hunting, emerging-threats, dfir"));
      out.add(ns("tlp.", "Traffic Light Protocol: who may see the rule"));
    }
    if (lower.isEmpty() || lower.startsWith("attack.") || "attack.".startsWith(lower)) {
      for (Attack.Entry t : attack.tactics()) {
        out.add(
            new Completion(
                t.tag(), t.tag(), "tactic " + t.id() + " " + t.name(), Completion.Kind.TAG));
      }
      for (Attack.Entry e : attack.activeTechniques()) {
        out.add(
            new Completion(
                e.tag(),
                e.tag(),
                e.id() + " " + e.fullName(attack) + " (" + String.join(", ", e.tactics()) + ")",
                Completion.Kind.TAG));
      }
      if (lower.startsWith("attack.g") || lower.startsWith("attack.s")) {
        for (Attack.Kind k : List.of(Attack.Kind.GROUP, Attack.Kind.SOFTWARE)) {
          for (Attack.Entry e : attack.entries(k)) {
            if (e.status() == Attack.Status.ACTIVE) {
              out.add(
                  new Completion(
                      e.tag(),
                      e.tag(),
                      (k == Attack.Kind.GROUP ? "group " : "software ") + e.id() + " " + e.name(),
                      Completion.Kind.TAG));
            }
          }
        }
      }
    }
    for (String d : List.of("threat-hunting", "emerging-threats", "dfir")) {
      out.add(new Completion("detection." + d, "detection." + d, "rule type", Completion.Kind.TAG));
    }
    for (String t : List.of("clear", "green", "amber", "amber-strict", "red")) {
      out.add(new Completion("tlp." + t, "tlp." + t, "TLP " + t, Completion.Kind.TAG));
    }
    Result found = r.filtered(written, out);
    if (found.items().isEmpty() && lower.startsWith("attack.") && lower.length() > 7) {
      // "attack.powersh" finds techniques by name
      String part = lower.substring(7);
      List<Completion> byName = new ArrayList<>();
      for (Completion c : out) {
        if (c.kind() == Completion.Kind.TAG
            && c.text().startsWith("attack.")
            && c.description().toLowerCase(Locale.ROOT).contains(part)) {
          byName.add(c);
        }
      }
      return new Result(found.from(), found.to(), found.prefix(), limit(byName));
    }
    return found;
  }

  private static Completion ns(String ns, String description) {
    return new Completion(ns, ns, description, Completion.Kind.TAG);
  }

  // ---- logsource

  private Result logsourceValues(Request r, String key) {
    Target target = r.target();
    Map<String, String> values = new LinkedHashMap<>();
    if (target != null) {
      for (Target.Table t : target.tables()) {
        for (LogSource ls : t.logsources()) {
          String v =
              switch (key) {
                case "category" -> ls.category();
                case "product" -> ls.product();
                case "service" -> ls.service();
                default -> null;
              };
          if (v != null) {
            values.putIfAbsent(v, "served by " + target.name() + " (" + t.name() + ")");
          }
        }
      }
    }
    WindowsLogsources windows = WindowsLogsources.builtIn();
    switch (key) {
      case "product" -> values.putIfAbsent(windows.product(), "Windows event logs");
      case "category" ->
          windows
              .knownCategories()
              .forEach(c -> values.putIfAbsent(c, "a Windows event category the workbench reads"));
      case "service" ->
          windows
              .knownServices()
              .forEach(s -> values.putIfAbsent(s, "a Windows log the workbench reads"));
      default -> {}
    }
    for (Vocabulary.Count c : Vocabulary.bundled().logsourceValues(key)) {
      values.putIfAbsent(c.value(), "used by " + c.rules() + " SigmaHQ rules");
    }
    List<Completion> out = new ArrayList<>();
    values.forEach((v, d) -> out.add(new Completion(v, v, d, Completion.Kind.VALUE)));
    return r.filtered(r.line(), out);
  }

  // ---- detection

  private Result detection(Request r) {
    YamlPosition pos = r.pos();
    if (pos.path().size() == 1) {
      if (!pos.onValue()) {
        List<Completion> out = new ArrayList<>();
        for (String name : List.of("selection", "filter_main_", "filter_optional_")) {
          out.add(
              new Completion(
                  name + (name.endsWith("_") ? "" : ":"),
                  name,
                  name.startsWith("filter")
                      ? "a search identifier for events to leave out"
                      : "a search identifier: fields that must all match",
                  Completion.Kind.IDENTIFIER));
        }
        if (!r.doc().identifiers.contains("condition")) {
          out.add(key("condition", "how the search identifiers combine"));
        }
        out.add(key("timeframe", "(old) the time window of an aggregation"));
        return r.filtered(r.line(), out);
      }
      return conditionOrNone(r);
    }
    return searchIdentifier(r);
  }

  /** The value of a block's {@code condition} key; nothing for its other scalar keys. */
  private Result conditionOrNone(Request r) {
    return "condition".equals(r.pos().key()) ? condition(r) : r.none();
  }

  /** Inside a search identifier: its field keys, their modifiers and their values. */
  private Result searchIdentifier(Request r) {
    YamlPosition pos = r.pos();
    String line = pos.lineText();
    if (pos.path().size() >= 3) {
      // a list item under "Field|mods:"
      String fieldKey = pos.path().get(pos.path().size() - 1);
      return loggedValues(r, fieldKey);
    }
    if (pos.key() != null && pos.onValue() && line.indexOf(':') < 0) {
      // after "Field|mods: "
      return loggedValues(r, pos.key());
    }
    if (pos.key() != null && pos.onValue()) {
      return r.none();
    }
    // writing a key: a field, or modifiers after '|'
    int bar = line.lastIndexOf('|');
    if (bar >= 0) {
      return modifiers(r, line.substring(0, bar), line.substring(bar + 1));
    }
    return fields(r);
  }

  private Result fields(Request r) {
    LogSource ls = r.doc().logsource;
    Target target = r.target();
    Map<String, Map<String, Long>> stats = r.stats();
    Map<String, Completion> out = new LinkedHashMap<>();
    List<Target.Table> tables = target == null ? List.of() : target.tablesFor(ls);
    for (Target.Table t : tables) {
      for (Map.Entry<String, FieldMapping> e : t.mappings().entrySet()) {
        out.putIfAbsent(
            e.getKey(),
            new Completion(
                e.getKey(),
                e.getKey(),
                "mapped by "
                    + target.name()
                    + " to "
                    + t.name()
                    + "."
                    + String.join(" / ", e.getValue().columns()),
                Completion.Kind.FIELD));
      }
    }
    List<String> seen = new ArrayList<>(stats.keySet());
    seen.sort(Comparator.comparing(f -> -stats.get(f).values().stream().mapToLong(x -> x).sum()));
    for (String f : seen) {
      out.putIfAbsent(
          f,
          new Completion(
              f,
              f,
              mappedNote(tables, target, f) + "seen in the loaded logs",
              Completion.Kind.FIELD));
    }
    for (Vocabulary.Count c : Vocabulary.bundled().fields(ls)) {
      out.putIfAbsent(
          c.value(),
          new Completion(
              c.value(),
              c.value(),
              mappedNote(tables, target, c.value()) + "used by " + c.rules() + " SigmaHQ rules",
              Completion.Kind.FIELD));
    }
    return r.filtered(r.line(), new ArrayList<>(out.values()));
  }

  private static String mappedNote(List<Target.Table> tables, Target target, String field) {
    if (target == null) {
      return "";
    }
    for (Target.Table t : tables) {
      Optional<FieldMapping> m = t.mappingFor(field);
      if (m.isPresent()) {
        return "mapped by " + target.name() + " to " + String.join(" / ", m.get().columns()) + "; ";
      }
    }
    return "not mapped by " + target.name() + "; ";
  }

  /** The modifiers that may follow {@code key} (field and modifiers written so far). */
  static List<String> allowedModifiers(List<String> present) {
    Set<String> p = new LinkedHashSet<>();
    for (String m : present) {
      p.add(m.toLowerCase(Locale.ROOT));
    }
    Set<String> position = Set.of("contains", "startswith", "endswith");
    Set<String> encodings = Set.of("utf16le", "utf16be", "utf16", "wide");
    Set<String> base64 = Set.of("base64", "base64offset");
    Set<String> numeric = Set.of("lt", "lte", "gt", "gte");
    Set<String> dateParts = Set.of("minute", "hour", "day", "week", "month", "year");
    boolean hasPosition = p.stream().anyMatch(position::contains);
    boolean hasEncoding = p.stream().anyMatch(encodings::contains);
    boolean hasBase64 = p.stream().anyMatch(base64::contains);
    boolean hasNumeric = p.stream().anyMatch(numeric::contains);
    boolean hasDatePart = p.stream().anyMatch(dateParts::contains);
    boolean re = p.contains("re");
    boolean stringy =
        hasPosition || hasEncoding || hasBase64 || p.contains("windash") || p.contains("cased");
    // compared as text (not as a number or a part of a date)
    boolean textValue = !hasNumeric && !hasDatePart;
    // ... as written: no regex, no base64 and no encoding
    boolean plainText = textValue && !re && !hasBase64 && !hasEncoding;
    // ... with no regex and nothing yet that changes the value's bytes (windash, base64)
    boolean untransformed = textValue && !re && !hasBase64 && !p.contains("windash");
    List<String> out = new ArrayList<>();
    if (p.contains("exists") || p.contains("cidr")) {
      return out;
    }
    for (HoverDocs.Doc d : HoverDocs.modifiers()) {
      String m = d.name();
      if (p.contains(m)) {
        continue;
      }
      boolean ok;
      if (position.contains(m)) {
        ok = textValue && !hasPosition && !re && !p.contains("neq");
      } else if (m.equals("all")) {
        ok = textValue;
      } else if (m.equals("windash") || m.equals("cased")) {
        ok = plainText;
      } else if (encodings.contains(m)) {
        ok = untransformed && !hasEncoding && !hasPosition;
      } else if (base64.contains(m)) {
        ok = untransformed && !(m.equals("base64") && hasPosition);
      } else if (m.equals("re")) {
        ok = textValue && !stringy && !p.contains("expand") && !p.contains("fieldref");
      } else if (m.equals("i") || m.equals("m") || m.equals("s")) {
        ok = re;
      } else if (numeric.contains(m)) {
        ok =
            !hasNumeric
                && !stringy
                && !re
                && !p.contains("all")
                && !p.contains("neq")
                && !p.contains("fieldref")
                && !p.contains("expand");
      } else if (dateParts.contains(m)) {
        ok = p.isEmpty();
      } else if (m.equals("exists") || m.equals("cidr")) {
        ok = p.isEmpty();
      } else if (m.equals("neq")) {
        ok = textValue && !re && !hasPosition;
      } else if (m.equals("expand")) {
        ok = textValue && !re;
      } else if (m.equals("fieldref")) {
        ok = plainText && !p.contains("windash");
      } else {
        ok = true;
      }
      if (ok) {
        out.add(m);
      }
    }
    return out;
  }

  private Result modifiers(Request r, String keySoFar, String written) {
    String[] parts = keySoFar.split("\\|", -1);
    List<String> present = new ArrayList<>(List.of(parts).subList(1, parts.length));
    List<Completion> out = new ArrayList<>();
    for (String m : allowedModifiers(present)) {
      String summary = HoverDocs.modifier(m).map(HoverDocs.Doc::summary).orElse("");
      out.add(new Completion(m, m, summary, Completion.Kind.MODIFIER));
    }
    return r.filtered(written, out);
  }

  private Result loggedValues(Request r, String fieldKey) {
    String written = r.line();
    Map<String, Map<String, Long>> stats = r.stats();
    String field = fieldKey.split("\\|", -1)[0];
    Map<String, Long> counts = stats.get(field);
    if (counts == null) {
      for (Map.Entry<String, Map<String, Long>> e : stats.entrySet()) {
        if (e.getKey().equalsIgnoreCase(field)) {
          counts = e.getValue();
          break;
        }
      }
    }
    if (counts == null || counts.isEmpty()) {
      return r.none();
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    String unquoted = written;
    if (unquoted.startsWith("'") || unquoted.startsWith("\"")) {
      unquoted = unquoted.substring(1);
    }
    List<Completion> out = new ArrayList<>();
    String lower = unquoted.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Long> e : sorted) {
      String v = e.getKey();
      if (!lower.isEmpty() && !v.toLowerCase(Locale.ROOT).contains(lower)) {
        continue;
      }
      out.add(
          new Completion(
              yamlValue(v),
              v,
              RunWords.count(e.getValue(), "event") + " in the loaded logs",
              Completion.Kind.LOGGED_VALUE));
    }
    return r.replacing(written, out);
  }

  /** A value as a single-quoted YAML scalar with Sigma's wildcards escaped. */
  static String yamlValue(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '*' || c == '?') {
        b.append('\\');
      } else if (c == '\\') {
        char next = i + 1 < v.length() ? v.charAt(i + 1) : 0;
        if (next == '*' || next == '?' || next == '\\' || next == 0) {
          b.append('\\');
        }
      }
      b.append(c);
    }
    return "'" + b.toString().replace("'", "''") + "'";
  }

  // ---- condition

  private Result condition(Request r) {
    String text = r.text();
    int caret = r.caret();
    int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
    String before = text.substring(lineStart, caret);
    int w = before.length();
    while (w > 0 && conditionWordChar(before.charAt(w - 1))) {
      w--;
    }
    String written = before.substring(w);
    List<String> ids = new ArrayList<>(r.doc().identifiers);
    ids.remove("condition");
    ids.remove("timeframe");
    List<Completion> out = new ArrayList<>();
    for (String id : ids) {
      out.add(new Completion(id, id, "search identifier", Completion.Kind.IDENTIFIER));
    }
    Set<String> groups = new LinkedHashSet<>();
    for (String id : ids) {
      int u = id.indexOf('_');
      if (u > 0) {
        groups.add(id.substring(0, u + 1) + "*");
      }
    }
    for (String g : groups) {
      out.add(
          new Completion(
              "1 of " + g, "1 of " + g, "any identifier named " + g, Completion.Kind.OPERATOR));
      out.add(
          new Completion(
              "all of " + g,
              "all of " + g,
              "every identifier named " + g,
              Completion.Kind.OPERATOR));
    }
    out.add(new Completion("1 of them", "1 of them", "any identifier", Completion.Kind.OPERATOR));
    out.add(
        new Completion("all of them", "all of them", "every identifier", Completion.Kind.OPERATOR));
    out.add(new Completion("not", "not", "negation", Completion.Kind.OPERATOR));
    out.add(new Completion("and", "and", "both sides", Completion.Kind.OPERATOR));
    out.add(new Completion("or", "or", "either side", Completion.Kind.OPERATOR));
    return r.filtered(written, out);
  }

  private static boolean conditionWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '*';
  }

  // ---- correlation and filter

  private Result correlation(Request r) {
    YamlPosition pos = r.pos();
    List<String> path = pos.path();
    String line = pos.lineText();
    if (path.size() == 1) {
      if (!pos.onValue()) {
        List<Completion> out = new ArrayList<>();
        for (SigmaKeys.Key key : SigmaKeys.CORRELATION_SECTION) {
          String k = key.name();
          out.add(
              new Completion(
                  key.block() ? k + ":" : k + ": ",
                  k,
                  switch (k) {
                    case "type" -> "event_count, value_count, temporal, temporal_ordered, ...";
                    case "rules" -> "the rules (ids or names) whose hits are correlated";
                    case "group-by" -> "fields whose values must be the same across the hits";
                    case "timespan" -> "the window: 10m, 1h, 1d";
                    case "condition" -> "a threshold: gte, gt, lte, lt, eq, neq (and field)";
                    case "generate" -> "whether the rules it names also raise their own hits";
                    default -> "names for a field that differs between the rules";
                  },
                  Completion.Kind.KEY));
        }
        return r.filtered(line, out);
      }
      if ("type".equals(pos.key())) {
        return r.words(line, CORRELATION_TYPES, Map.of());
      }
      if ("generate".equals(pos.key())) {
        return r.words(line, List.of("false", "true"), Map.of());
      }
      return r.none();
    }
    if (path.size() == 2 && path.get(1).equals("condition") && !pos.onValue()) {
      List<Completion> out = new ArrayList<>();
      for (String t : THRESHOLDS) {
        out.add(key(t, t.equals("field") ? "the field a value_* type counts" : "threshold"));
      }
      return r.filtered(line, out);
    }
    if (path.size() == 2 && path.get(1).equals("rules") && pos.listItem()) {
      return r.words(line, r.doc().ruleNames, Map.of());
    }
    return r.none();
  }

  private Result filter(Request r) {
    YamlPosition pos = r.pos();
    List<String> path = pos.path();
    if (path.size() == 1) {
      if (!pos.onValue()) {
        return r.filtered(
            pos.lineText(),
            List.of(
                new Completion(
                    "rules:",
                    "rules",
                    "the rules (ids or names) it applies to",
                    Completion.Kind.KEY),
                new Completion(
                    "selection:", "selection", "the events to match", Completion.Kind.KEY),
                key("condition", "how the selections combine (usually: not selection)")));
      }
      return conditionOrNone(r);
    }
    if (path.get(1).equals("rules")) {
      return r.none();
    }
    return searchIdentifier(r);
  }

  // ---- filtering

  private static int wordEnd(String text, int caret) {
    int end = caret;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c) || c == ':' || c == '|' || c == ',' || c == ']') {
        break;
      }
      end++;
    }
    return end;
  }

  private static List<Completion> limit(List<Completion> l) {
    return l.size() > LIMIT ? List.copyOf(l.subList(0, LIMIT)) : List.copyOf(l);
  }

  /**
   * One completion request: the text and caret, where the caret is, what the document around it
   * holds, the chosen target ({@code null} for none) and the values seen in loaded logs.
   */
  private record Request(
      String text,
      int caret,
      YamlPosition pos,
      Document doc,
      Target target,
      Map<String, Map<String, Long>> stats) {

    /** What is written on the caret's line before it (see {@link YamlPosition#lineText()}). */
    String line() {
      return pos.lineText();
    }

    Result none() {
      return Result.none(caret);
    }

    /** The words as values (each with its description in {@code docs}), filtered. */
    Result words(String written, List<String> words, Map<String, String> docs) {
      List<Completion> out = new ArrayList<>();
      for (String w : words) {
        out.add(new Completion(w, w, docs.getOrDefault(w, ""), Completion.Kind.VALUE));
      }
      return filtered(written, out);
    }

    /** Entries whose label starts with what is written (else contains it), replacing it. */
    Result filtered(String written, List<Completion> all) {
      String lower = written.toLowerCase(Locale.ROOT);
      List<Completion> starts = new ArrayList<>();
      List<Completion> contains = new ArrayList<>();
      for (Completion c : all) {
        String l = c.label().toLowerCase(Locale.ROOT);
        if (l.startsWith(lower)) {
          starts.add(c);
        } else if (!lower.isEmpty() && l.contains(lower)) {
          contains.add(c);
        }
      }
      starts.addAll(contains);
      return replacing(written, starts);
    }

    /**
     * The entries (at most {@link #LIMIT}) in place of what is written and the rest of its word.
     */
    Result replacing(String written, List<Completion> entries) {
      return new Result(caret - written.length(), wordEnd(text, caret), written, limit(entries));
    }
  }

  /** What completion needs to know of the document around the caret, read from its lines. */
  static final class Document {
    RuleIndex.Kind kind = RuleIndex.Kind.RULE;
    final Set<String> topKeys = new LinkedHashSet<>();
    final List<String> identifiers = new ArrayList<>();
    final List<String> ruleNames = new ArrayList<>();
    LogSource logsource = LogSource.EMPTY;

    static Document of(String text, int caret) {
      Document d = new Document();
      int start = 0;
      int end = text.length();
      int previous = text.lastIndexOf("\n---", Math.max(0, caret - 1));
      if (previous >= 0) {
        start = previous + 1;
      }
      int next = text.indexOf("\n---", caret);
      if (next >= 0) {
        end = next;
      }
      String[] lines = text.substring(start, end).split("\r?\n", -1);
      String block = null;
      int childIndent = -1;
      String category = null;
      String product = null;
      String service = null;
      for (String line : lines) {
        if (line.isBlank() || line.strip().startsWith("#") || line.startsWith("---")) {
          continue;
        }
        int ind = YamlPosition.indentOf(line);
        String content = line.substring(ind);
        int colon = YamlPosition.keyColon(content);
        if (ind == 0) {
          block = null;
          childIndent = -1;
          if (colon > 0) {
            String k = content.substring(0, colon).trim();
            d.topKeys.add(k);
            block = k;
            if (k.equals("correlation")) {
              d.kind = RuleIndex.Kind.CORRELATION;
            } else if (k.equals("filter")) {
              d.kind = RuleIndex.Kind.FILTER;
            }
          }
          continue;
        }
        if (childIndent < 0) {
          childIndent = ind;
        }
        if (ind != childIndent || colon <= 0 || block == null) {
          continue;
        }
        String k = content.substring(0, colon).trim();
        String v = content.substring(colon + 1).strip();
        if (v.startsWith("'") || v.startsWith("\"")) {
          v = v.substring(1, Math.max(1, v.length() - 1));
        }
        switch (block) {
          case "logsource" -> {
            switch (k) {
              case "category" -> category = v.isEmpty() ? null : v;
              case "product" -> product = v.isEmpty() ? null : v;
              case "service" -> service = v.isEmpty() ? null : v;
              default -> {}
            }
          }
          case "detection", "filter" -> d.identifiers.add(k);
          default -> {}
        }
      }
      if (!d.identifiers.isEmpty() && d.kind == RuleIndex.Kind.FILTER) {
        d.identifiers.remove("rules");
      }
      d.logsource = new LogSource(category, product, service, null);
      return d;
    }
  }
}
