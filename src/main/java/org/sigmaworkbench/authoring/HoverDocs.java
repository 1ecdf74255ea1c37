package org.sigmaworkbench.authoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sigmaworkbench.rule.attack.Attack;

/**
 * Short explanations of every top-level key of a rule, correlation and filter document and of every
 * value modifier, each with an example: what an editor shows on hover and beside a completion.
 * Written for this workbench from the Sigma specification's facts.
 */
public final class HoverDocs {
  private HoverDocs() {}

  /**
   * One explanation.
   *
   * @param name the key or modifier
   * @param summary one line: what it is
   * @param detail a few sentences: what it means, when to use it
   * @param example a short YAML example
   */
  public record Doc(String name, String summary, String detail, String example) {
    /** The text of a tooltip. */
    public String text() {
      return name + " — " + summary + "\n\n" + detail + "\n\nExample:\n" + example;
    }
  }

  private static final Map<String, Doc> KEYS = new LinkedHashMap<>();
  private static final Map<String, Doc> MODIFIERS = new LinkedHashMap<>();

  private static void key(String name, String summary, String detail, String example) {
    KEYS.put(name, new Doc(name, summary, detail, example));
  }

  private static void mod(String name, String summary, String detail, String example) {
    MODIFIERS.put(name, new Doc(name, summary, detail, example));
  }

  static {
    key(
        "title",
        "the rule's name, shown in alerts and lists",
        "Keep it short (SigmaHQ: at most about 110 characters), say what is seen rather than"
            + " \"Detects ...\", and capitalise the words.",
        "title: Certutil Exports a Certificate With Its Private Key");
    key(
        "id",
        "a random UUID (version 4) that names the rule for good",
        "Other rules, filters and correlations point at a rule by this id. Give a copied rule a"
            + " new one; keep it when the rule is edited.",
        "id: 3ffd6f51-e6c1-47b7-94b4-c1e61d4117c5");
    key(
        "name",
        "a unique, readable handle other documents may use instead of the id",
        "Mostly used by rules that a correlation refers to: lowercase words with underscores.",
        "name: failed_logon");
    key(
        "status",
        "how mature the rule is",
        "One of stable, test, experimental, deprecated, unsupported. New rules start as"
            + " experimental; deprecated and unsupported rules are kept for reference only.",
        "status: experimental");
    key(
        "description",
        "what the rule finds and why that matters",
        "A sentence or two a responder reads first; name the behaviour, not the query.",
        "description: Detects certutil exporting a PFX file, which holds a private key.");
    key(
        "license",
        "the license the rule is shared under",
        "An SPDX identifier or free text; SigmaHQ rules are under the Detection Rule License.",
        "license: DRL-1.1");
    key(
        "author",
        "who wrote the rule",
        "Names or handles, several separated by commas.",
        "author: Jane Doe, John Roe");
    key(
        "references",
        "links that explain the behaviour or the threat",
        "A list of URLs: reports, blog posts, documentation. Link GitHub files at a commit.",
        "references:\n    - https://example.org/report");
    key(
        "date",
        "the day the rule was first written",
        "ISO 8601 calendar date, YYYY-MM-DD, not quoted.",
        "date: 2024-05-17");
    key(
        "modified",
        "the day the rule was last changed",
        "YYYY-MM-DD, later than date; leave it out until the rule changes.",
        "modified: 2024-06-02");
    key(
        "logsource",
        "which events the rule is about",
        "category (process_creation, network_connection, ...), product (windows, linux, ...) and"
            + " service (security, sysmon, ...) together choose the log; a converter turns them"
            + " into tables or indexes.",
        "logsource:\n    category: process_creation\n    product: windows");
    key(
        "detection",
        "the search: named selections and the condition that joins them",
        "Each search identifier is a map (fields that must all match) or a list (any of its"
            + " entries) or a list of keywords; 'condition' combines them with and, or, not and"
            + " '1 of' / 'all of'.",
        "detection:\n    selection:\n        Image|endswith: '\\certutil.exe'\n"
            + "    condition: selection");
    key(
        "condition",
        "how the search identifiers combine",
        "A boolean expression over the identifiers: and, or, not, parentheses, '1 of selection_*',"
            + " 'all of them'. In a correlation, a map of gt/gte/lt/lte/eq/neq thresholds.",
        "condition: selection and not 1 of filter_*");
    key(
        "fields",
        "fields worth showing beside an alert",
        "A list of field names; it does not change what matches.",
        "fields:\n    - CommandLine\n    - ParentImage");
    key(
        "falsepositives",
        "what else may cause a hit",
        "A list of short phrases, capitalised; 'Unknown' when nothing is known.",
        "falsepositives:\n    - Legitimate certificate backups by administrators");
    key(
        "level",
        "how severe a hit is",
        "One of informational, low, medium, high, critical. high and critical should need little"
            + " triage.",
        "level: high");
    key(
        "tags",
        "labels in namespaces: ATT&CK, CAR, CVE, detection type, TLP",
        "attack.<tactic> and attack.tNNNN[.NNN] for ATT&CK, cve.YYYY-NNNN, car.YYYY-MM-NNN,"
            + " detection.threat-hunting / emerging-threats / dfir, tlp.clear ...",
        "tags:\n    - attack.execution\n    - attack.t1059.001");
    key(
        "related",
        "other rules this one comes from or replaces",
        "A list of id and type; type is derived, obsolete, merged, renamed or similar.",
        "related:\n    - id: 2fb8c5d0-5b4a-4b3c-9f0e-1c2d3e4f5a6b\n      type: derived");
    key(
        "scope",
        "where the rule is meant to run",
        "A list of system kinds (server, workstation, domain controller) for rules that only"
            + " make sense on some hosts.",
        "scope:\n    - server");
    key(
        "taxonomy",
        "the field naming the rule uses",
        "Leave it out for Sigma's own field names; name another taxonomy when fields follow it.",
        "taxonomy: sigma");
    key(
        "correlation",
        "a rule over the hits of other rules",
        "type (event_count, value_count, temporal, temporal_ordered), rules, group-by, timespan"
            + " and, for counts, a condition with a threshold.",
        "correlation:\n    type: event_count\n    rules:\n        - failed_logon\n"
            + "    group-by:\n        - TargetUserName\n    timespan: 10m\n"
            + "    condition:\n        gte: 10");
    key(
        "generate",
        "whether the rules a correlation uses also alert on their own",
        "false (the default) keeps them quiet; true lets each of them raise its own hits too.",
        "generate: false");
    key(
        "filter",
        "a filter document: conditions that take events away from other rules",
        "rules (the ids or names it applies to, or 'any'), selection(s) and a condition; the"
            + " selected events no longer hit those rules.",
        "filter:\n    rules:\n        - 3ffd6f51-e6c1-47b7-94b4-c1e61d4117c5\n"
            + "    selection:\n        User: 'CONTOSO\\backup'\n    condition: not selection");

    mod(
        "contains",
        "the value appears anywhere in the field",
        "Same as a value with '*' at both ends; case is ignored unless cased is added.",
        "CommandLine|contains: '-exportPFX'");
    mod(
        "startswith",
        "the field begins with the value",
        "Same as a value with '*' at its end.",
        "Image|startswith: 'C:\\Users\\'");
    mod(
        "endswith",
        "the field ends with the value",
        "Same as a value with '*' at its start; the usual way to match an executable's name.",
        "Image|endswith: '\\certutil.exe'");
    mod(
        "all",
        "every value of the list must match, not any",
        "Joins a list with 'and'. Only useful with several values, usually with contains.",
        "CommandLine|contains|all:\n    - '-p '\n    - '-exportPFX'");
    mod(
        "exists",
        "whether the field is present at all",
        "true or false, no other value and no other modifier.",
        "ParentImage|exists: false");
    mod(
        "cased",
        "compare with case",
        "Values match only in the same upper and lower case (Sigma compares without case by"
            + " default).",
        "CommandLine|cased|contains: 'IEX'");
    mod(
        "neq",
        "the field is not equal to the value",
        "Negates a plain comparison; with a list, the field differs from every value.",
        "LogonType|neq: 3");
    mod(
        "windash",
        "also match the other dash characters Windows tools accept",
        "Each '-' in the value also matches '/', the en dash, em dash and horizontal bar, so"
            + " '-enc' also finds '/enc'. Combine with contains, startswith or endswith.",
        "CommandLine|windash|contains: ' -enc '");
    mod(
        "re",
        "the value is a regular expression",
        "Matched anywhere in the field unless anchored with ^ and $. Flags i, m and s may follow.",
        "CommandLine|re: '\\s-e(nc)?\\s'");
    mod(
        "i",
        "regular expression flag: ignore case",
        "Only after re.",
        "CommandLine|re|i: 'invoke-\\w+'");
    mod(
        "m",
        "regular expression flag: ^ and $ match at each line",
        "Only after re.",
        "ScriptBlockText|re|m: '^iex '");
    mod(
        "s",
        "regular expression flag: '.' also matches a line break",
        "Only after re.",
        "ScriptBlockText|re|s: 'begin.*end'");
    mod(
        "base64",
        "match the value as base64 text",
        "The value is encoded as a whole; seldom right inside longer text, where base64offset is"
            + " what finds it.",
        "CommandLine|base64: 'http://'");
    mod(
        "base64offset",
        "match the value base64-encoded at any of the three offsets",
        "Finds the value's encoding when it sits somewhere inside a longer encoded text; use with"
            + " contains.",
        "CommandLine|base64offset|contains: 'IEX ('");
    mod(
        "utf16le",
        "encode the value as UTF-16 little endian before base64",
        "For PowerShell's -EncodedCommand and similar; put before base64 or base64offset.",
        "CommandLine|utf16le|base64offset|contains: 'Invoke-'");
    mod(
        "utf16be",
        "encode the value as UTF-16 big endian before base64",
        "Put before base64 or base64offset.",
        "Payload|utf16be|base64offset|contains: 'cmd'");
    mod(
        "utf16",
        "encode the value as UTF-16 with a byte order mark before base64",
        "Put before base64 or base64offset.",
        "Payload|utf16|base64offset|contains: 'cmd'");
    mod(
        "wide",
        "another name for utf16le",
        "Put before base64 or base64offset.",
        "CommandLine|wide|base64offset|contains: 'http'");
    mod(
        "lt",
        "the field is a number less than the value",
        "Numeric comparison; no other modifier.",
        "Count|lt: 5");
    mod("lte", "the field is a number at most the value", "Numeric comparison.", "Count|lte: 5");
    mod(
        "gt",
        "the field is a number greater than the value",
        "Numeric comparison.",
        "Size|gt: 1000");
    mod("gte", "the field is a number at least the value", "Numeric comparison.", "Size|gte: 1000");
    mod(
        "minute",
        "compare the minute of the event's time",
        "The field is a timestamp; the value is a minute 0-59.",
        "EventTime|minute: 0");
    mod(
        "hour",
        "compare the hour of the event's time",
        "The field is a timestamp; the value is an hour 0-23 (UTC).",
        "EventTime|hour: 3");
    mod(
        "day",
        "compare the day of the month of the event's time",
        "The value is 1-31.",
        "EventTime|day: 1");
    mod(
        "week",
        "compare the week of the year of the event's time",
        "The value is 1-53.",
        "EventTime|week: 52");
    mod(
        "month",
        "compare the month of the event's time",
        "The value is 1-12.",
        "EventTime|month: 12");
    mod(
        "year",
        "compare the year of the event's time",
        "The value is a four-digit year.",
        "EventTime|year: 2024");
    mod(
        "cidr",
        "the field is an IP address inside the network",
        "IPv4 or IPv6 networks in CIDR notation; no other modifier.",
        "DestinationIp|cidr: '10.0.0.0/8'");
    mod(
        "expand",
        "replace %placeholders% in the value with their configured values",
        "The placeholder's values come from the converter's or workbench's placeholder file.",
        "User|expand: '%admin_accounts%'");
    mod(
        "fieldref",
        "the value names another field of the same event to compare with",
        "Matches when both fields hold the same value; may be combined with contains,"
            + " startswith or endswith.",
        "SourceUser|fieldref: TargetUser");
  }

  /** Every documented top-level key, in the usual order of a rule. */
  public static List<Doc> keys() {
    return List.copyOf(KEYS.values());
  }

  /** Every documented modifier. */
  public static List<Doc> modifiers() {
    return List.copyOf(MODIFIERS.values());
  }

  public static Optional<Doc> key(String name) {
    return Optional.ofNullable(KEYS.get(name));
  }

  public static Optional<Doc> modifier(String name) {
    return Optional.ofNullable(MODIFIERS.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * What to show for the word at {@code offset} of {@code text}: a top-level key (at the line's
   * start), a modifier (after a '|' in a key), or an ATT&amp;CK tag with its name; empty otherwise.
   */
  public static Optional<String> at(String text, int offset) {
    if (offset < 0 || offset > text.length()) {
      return Optional.empty();
    }
    int start = offset;
    while (start > 0 && wordChar(text.charAt(start - 1))) {
      start--;
    }
    int end = offset;
    while (end < text.length() && wordChar(text.charAt(end))) {
      end++;
    }
    if (start == end) {
      return Optional.empty();
    }
    String word = text.substring(start, end);
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    String before = text.substring(lineStart, start);
    if (word.toLowerCase(Locale.ROOT).startsWith("attack.")) {
      Attack attack = Attack.enterprise();
      Attack.TagInfo info = attack.tag(word);
      if (info.entry() != null) {
        Attack.Entry e = info.entry();
        return Optional.of(
            e.id()
                + " "
                + e.fullName(attack)
                + (e.status() == Attack.Status.ACTIVE
                    ? ""
                    : " (" + e.status().name().toLowerCase(Locale.ROOT) + ")")
                + (e.tactics().isEmpty() || e.kind() == Attack.Kind.TACTIC
                    ? ""
                    : "\nTactics: " + String.join(", ", e.tactics())));
      }
      if (info.renamedTo() != null) {
        return Optional.of("Not a current tactic name: attack." + info.renamedTo());
      }
      return Optional.empty();
    }
    int dot = word.indexOf('.');
    if (dot >= 0) {
      // a tag of another namespace, a file name: nothing to explain
      return Optional.empty();
    }
    if (before.endsWith("|")) {
      return modifier(word).map(Doc::text);
    }
    boolean isKey = end < text.length() && text.charAt(end) == ':';
    if (isKey && before.isEmpty()) {
      return key(word).map(Doc::text);
    }
    if (isKey && word.equals("condition")) {
      return key(word).map(Doc::text);
    }
    return Optional.empty();
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
