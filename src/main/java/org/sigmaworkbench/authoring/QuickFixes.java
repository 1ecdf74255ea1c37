package org.sigmaworkbench.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.attack.Attack;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Quick fixes for problems that lint reports: text edits computed from the rule text and the
 * problem's position. A fix never guesses: a problem it cannot place in the text gets none.
 */
public final class QuickFixes {

  /** The problem codes that can have a fix. */
  public static final Set<String> FIXABLE =
      Set.of(
          "lint.id-missing",
          "lint.id-format",
          "lint.id-version",
          "lint.date-missing",
          "lint.attack-revoked",
          "lint.attack-deprecated",
          "lint.attack-tactic-renamed",
          "lint.all-single-value",
          "lint.tag-duplicate",
          "lint.list-duplicate",
          "lint.duplicate-value",
          "lint.wildcard-instead-of-modifier");

  /** Top-level keys a new {@code date} goes before (SigmaHQ writes it after the author). */
  private static final List<String> AFTER_DATE =
      List.of("modified", "tags", "logsource", "detection", "correlation", "filter");

  private final Clock clock;
  private final Supplier<UUID> ids;

  public QuickFixes() {
    this(Clock.systemDefaultZone(), UUID::randomUUID);
  }

  /**
   * @param clock what "today" is for a missing date
   * @param ids new random ids for a missing or malformed id
   */
  public QuickFixes(Clock clock, Supplier<UUID> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** The fixes of every problem on 1-based {@code line}, in the order of the problems. */
  public List<QuickFix> onLine(String text, List<RuleProblem> problems, int line) {
    List<QuickFix> out = new ArrayList<>();
    for (RuleProblem p : problems) {
      if (p.line() == line) {
        out.addAll(fixes(text, p));
      }
    }
    return out;
  }

  /** The fixes of one problem of {@code text} (none when it has none or cannot be placed). */
  public List<QuickFix> fixes(String text, RuleProblem p) {
    if (!FIXABLE.contains(p.code()) || p.line() < 1) {
      return List.of();
    }
    TextLines lines = new TextLines(text);
    if (p.line() > lines.count()) {
      return List.of();
    }
    int at = lines.offset(p.line(), p.column());
    try {
      return switch (p.code()) {
        case "lint.id-missing" -> idMissing(text, lines, p.line());
        case "lint.id-format", "lint.id-version" ->
            replaceScalar(text, at, ids.get().toString(), "Replace with a new random id", p.code());
        case "lint.date-missing" -> dateMissing(text, lines, p.line());
        case "lint.attack-revoked", "lint.attack-tactic-renamed" -> tagReplacement(text, at, p);
        case "lint.attack-deprecated" -> removeItem(text, lines, at, "Remove the tag", p.code());
        case "lint.tag-duplicate", "lint.list-duplicate", "lint.duplicate-value" ->
            removeItem(text, lines, at, "Remove the duplicate '" + p.excerpt() + "'", p.code());
        case "lint.all-single-value" -> dropAll(text, at, p);
        case "lint.wildcard-instead-of-modifier" -> wildcardToModifier(text, lines, p);
        default -> List.of();
      };
    } catch (IndexOutOfBoundsException e) {
      // the text changed since the problem was found: no fix rather than a wrong one
      return List.of();
    }
  }

  /** The first line after the document that starts on {@code line} (its '---' or the end). */
  private static int documentEnd(TextLines lines, int line) {
    for (int l = line + 1; l <= lines.count(); l++) {
      if (lines.line(l).startsWith("---")) {
        return l;
      }
    }
    return lines.count() + 1;
  }

  private static int documentStart(TextLines lines, int line) {
    for (int l = line; l >= 1; l--) {
      if (lines.line(l).startsWith("---")) {
        return l + 1;
      }
    }
    return 1;
  }

  /** The 1-based line of the top-level {@code key:} in the document around {@code line}. */
  private static int topLevelKey(TextLines lines, int line, String key) {
    int end = documentEnd(lines, line);
    for (int l = documentStart(lines, line); l < end; l++) {
      String s = lines.line(l);
      if (s.startsWith(key + ":")) {
        return l;
      }
    }
    return -1;
  }

  private List<QuickFix> idMissing(String text, TextLines lines, int line) {
    String nl = lines.lineBreak();
    int title = topLevelKey(lines, line, "title");
    String entry = "id: " + ids.get() + nl;
    int offset =
        title > 0 ? lines.lineEndWithBreak(title) : lines.lineStart(documentStart(lines, line));
    if (offset == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
      entry = nl + entry;
    }
    return List.of(
        new QuickFix(
            "Add a new random id", "lint.id-missing", List.of(new TextEdit(offset, 0, entry))));
  }

  private List<QuickFix> dateMissing(String text, TextLines lines, int line) {
    String nl = lines.lineBreak();
    String today = LocalDate.now(clock).toString();
    int before = -1;
    for (String key : AFTER_DATE) {
      int l = topLevelKey(lines, line, key);
      if (l > 0 && (before < 0 || l < before)) {
        before = l;
      }
    }
    int offset;
    String entry = "date: " + today + nl;
    if (before > 0) {
      offset = lines.lineStart(before);
    } else {
      int end = documentEnd(lines, line);
      offset = end > lines.count() ? text.length() : lines.lineStart(end);
      if (offset > 0 && text.charAt(offset - 1) != '\n') {
        entry = nl + entry;
      }
    }
    return List.of(
        new QuickFix(
            "Add today's date (" + today + ")",
            "lint.date-missing",
            List.of(new TextEdit(offset, 0, entry))));
  }

  private static List<QuickFix> replaceScalar(
      String text, int at, String value, String title, String code) {
    Scalars.Span s = Scalars.at(text, at);
    return List.of(
        new QuickFix(
            title,
            code,
            List.of(new TextEdit(s.contentStart(), s.contentEnd() - s.contentStart(), value))));
  }

  private static List<QuickFix> tagReplacement(String text, int at, RuleProblem p) {
    Attack attack = Attack.enterprise();
    String replacement = attack.tag(p.excerpt()).replacement(attack).orElse(null);
    if (replacement == null) {
      return List.of();
    }
    Scalars.Span s = Scalars.at(text, at);
    if (!text.substring(s.contentStart(), s.contentEnd()).equals(p.excerpt())) {
      return List.of();
    }
    return replaceScalar(text, at, replacement, "Replace with " + replacement, p.code());
  }

  /** Removes the list item whose text begins at {@code at}: its whole line, or its flow entry. */
  private static List<QuickFix> removeItem(
      String text, TextLines lines, int at, String title, String code) {
    int line = lines.lineOf(at);
    int lineStart = lines.lineStart(line);
    Scalars.Span s = Scalars.at(text, at);
    String head = text.substring(lineStart, s.start());
    if (head.strip().equals("-")) {
      return List.of(
          new QuickFix(
              title,
              code,
              List.of(new TextEdit(lineStart, lines.lineEndWithBreak(line) - lineStart, ""))));
    }
    // a flow list: [a, b, a]
    int i = s.start() - 1;
    while (i >= lineStart && text.charAt(i) == ' ') {
      i--;
    }
    if (i >= lineStart && text.charAt(i) == ',') {
      return List.of(new QuickFix(title, code, List.of(new TextEdit(i, s.end() - i, ""))));
    }
    if (i >= lineStart && text.charAt(i) == '[') {
      int j = s.end();
      while (j < text.length() && text.charAt(j) == ' ') {
        j++;
      }
      if (j < text.length() && text.charAt(j) == ',') {
        j++;
        while (j < text.length() && text.charAt(j) == ' ') {
          j++;
        }
        return List.of(
            new QuickFix(title, code, List.of(new TextEdit(s.start(), j - s.start(), ""))));
      }
    }
    return List.of();
  }

  private static List<QuickFix> dropAll(String text, int at, RuleProblem p) {
    String key = p.excerpt();
    if (key.isEmpty() || !text.startsWith(key, at)) {
      return List.of();
    }
    int i = ("|" + key + "|").indexOf("|all|");
    if (i < 1) {
      return List.of();
    }
    // position of "|all" inside the key as written
    int from = at + i - 1;
    return List.of(
        new QuickFix(
            "Remove '|all' (a single value)",
            p.code(),
            List.of(new TextEdit(from, "|all".length(), ""))));
  }

  private static List<QuickFix> wildcardToModifier(String text, TextLines lines, RuleProblem p) {
    RuleFile file = new RuleLoader().load(text, "rule.yml");
    for (RuleDocument d : file.documents()) {
      for (DetectionItem item : d.source().detectionItems()) {
        if (!item.keyPosition().equals(p.position()) || item.field() == null) {
          continue;
        }
        boolean leading = true;
        boolean trailing = true;
        for (DetectionItem.Value v : item.values()) {
          leading &= v.text().startsWith("*");
          trailing &= v.text().endsWith("*") && !v.text().endsWith("\\*");
        }
        String modifier = leading && trailing ? "contains" : leading ? "endswith" : "startswith";
        List<TextEdit> edits = new ArrayList<>();
        int keyAt = lines.offset(p.line(), p.column());
        int bar = item.key().indexOf('|');
        String fieldAsWritten = bar < 0 ? item.key() : item.key().substring(0, bar);
        if (!text.startsWith(fieldAsWritten, keyAt)) {
          return List.of();
        }
        edits.add(new TextEdit(keyAt + fieldAsWritten.length(), 0, "|" + modifier));
        for (DetectionItem.Value v : item.values()) {
          int at = lines.offset(v.position().line(), v.position().column());
          Scalars.Span s = Scalars.at(text, at);
          if (leading) {
            if (text.charAt(s.contentStart()) != '*') {
              return List.of();
            }
            edits.add(new TextEdit(s.contentStart(), 1, ""));
          }
          if (trailing) {
            if (text.charAt(s.contentEnd() - 1) != '*') {
              return List.of();
            }
            edits.add(new TextEdit(s.contentEnd() - 1, 1, ""));
          }
        }
        return List.of(
            new QuickFix(
                "Use '" + item.field() + "|" + modifier + "' and drop the '*'", p.code(), edits));
      }
    }
    return List.of();
  }
}
