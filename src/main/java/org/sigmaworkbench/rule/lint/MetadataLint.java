package org.sigmaworkbench.rule.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.FilterRule;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.SigmaKeys;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.Spelling;

/** Identity and descriptive fields: id, title, status, level, description, author, related. */
final class MetadataLint implements LintFamily {

  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static final List<String> STATUSES = RuleMeta.STATUSES;
  static final List<String> LEVELS = RuleMeta.LEVELS;
  static final List<String> RELATED_TYPES = RuleMeta.RELATED_TYPES;

  /** SigmaHQ keeps titles to this many characters. */
  static final int TITLE_CONVENTION = 110;

  /** The specification's maximum title length. */
  static final int TITLE_MAX = 256;

  /** SigmaHQ's shortest useful description. */
  static final int DESCRIPTION_MIN = 16;

  /** Words SigmaHQ titles keep in lower case. */
  private static final Set<String> LOWER_CASE_WORDS =
      Set.of(
          "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "new", "of", "on", "or",
          "over", "the", "through", "to", "via", "with", "without", "vs");

  /** Every field name a document may have at the top level. */
  private static final List<String> FIELD_NAMES = SigmaKeys.topLevelNames();

  @Override
  public void check(LintContext ctx) {
    RuleMeta m = ctx.meta();
    boolean detectionRule = ctx.doc instanceof SigmaRule;
    boolean filter = ctx.doc instanceof FilterRule;
    id(ctx, m);
    if (m.title() != null) {
      title(ctx, m.title());
    }
    oneOf(ctx, "status", m.status(), STATUSES, detectionRule);
    oneOf(ctx, "level", m.level(), LEVELS, detectionRule);
    if (m.description() == null || m.description().isBlank()) {
      if (!filter) {
        ctx.warn(
            "lint.description-missing",
            ctx.start(),
            "the rule has no 'description' saying what it detects and why it matters",
            "");
      }
    } else if (m.description().strip().length() < DESCRIPTION_MIN) {
      ctx.warn(
          "lint.description-length",
          ctx.at("description"),
          "the description has "
              + m.description().strip().length()
              + " characters; say in a sentence what the rule detects (at least "
              + DESCRIPTION_MIN
              + ")",
          m.description());
    }
    if ((m.author() == null || m.author().isBlank()) && detectionRule) {
      ctx.warn("lint.author-missing", ctx.start(), "the rule has no 'author'", "");
    }
    related(ctx, m);
    customFields(ctx, m);
  }

  private static void id(LintContext ctx, RuleMeta m) {
    String id = m.id();
    if (id == null || id.isBlank()) {
      ctx.warn(
          "lint.id-missing",
          ctx.start(),
          "the document has no 'id'; give it a random UUID so tools and other rules can refer to"
              + " it",
          "");
      return;
    }
    if (!UUID.matcher(id).matches()) {
      ctx.warn("lint.id-format", ctx.at("id"), "id '" + id + "' is not a UUID", id);
    } else if (id.charAt(14) != '4') {
      ctx.warn(
          "lint.id-version",
          ctx.at("id"),
          "id '"
              + id
              + "' is a version "
              + id.charAt(14)
              + " UUID; rules use random (version 4) UUIDs",
          id);
    }
  }

  private static void title(LintContext ctx, String title) {
    int n = title.length();
    if (n > TITLE_MAX) {
      ctx.warn(
          "lint.title-length",
          ctx.at("title"),
          "the title has " + n + " characters; the specification allows at most " + TITLE_MAX,
          title);
    } else if (n > TITLE_CONVENTION) {
      ctx.warn(
          "lint.title-length",
          ctx.at("title"),
          "the title has "
              + n
              + " characters; SigmaHQ keeps titles to "
              + TITLE_CONVENTION
              + " and puts details in the description",
          title);
    }
    if (title.startsWith("Detects ") || title.startsWith("Detect ")) {
      ctx.warn(
          "lint.title-style",
          ctx.at("title"),
          "the title starts with '"
              + title.substring(0, title.indexOf(' '))
              + "'; a title names what is detected, e.g. 'Suspicious Whoami Execution'",
          title);
    }
    if (title.endsWith(".")) {
      ctx.warn(
          "lint.title-style",
          ctx.at("title").plusColumns(n - 1),
          "the title ends with a period; titles are not sentences",
          title);
    }
    int offset = 0;
    int firstAt = -1;
    List<String> lower = new ArrayList<>();
    for (String word : title.split(" ", -1)) {
      if (!word.isEmpty()
          && word.equals(word.toLowerCase(Locale.ROOT))
          && Character.isLetter(word.charAt(0))
          && !LOWER_CASE_WORDS.contains(word)
          && word.chars().noneMatch(c -> c == '.' || c == '/' || c == '_' || c == '\\')) {
        lower.add(word);
        firstAt = firstAt < 0 ? offset : firstAt;
      }
      offset += word.length() + 1;
    }
    if (!lower.isEmpty()) {
      ctx.warn(
          "lint.title-case",
          ctx.at("title").plusColumns(firstAt),
          (lower.size() == 1 ? "title word '" : "title words '")
              + String.join("', '", lower)
              + (lower.size() == 1 ? "' is" : "' are")
              + " in lower case; SigmaHQ titles capitalise each word except short ones such as"
              + " 'of', 'via', 'and'",
          lower.get(0));
    }
  }

  /**
   * A field whose value is one of {@code allowed}: {@code lint.FIELD-missing} when a rule that
   * needs it has none, {@code lint.FIELD-value} when the value is not one of them.
   */
  private static void oneOf(
      LintContext ctx, String field, String value, List<String> allowed, boolean needed) {
    if (value == null) {
      if (needed) {
        ctx.warn(
            "lint." + field + "-missing",
            ctx.start(),
            "the rule has no '" + field + "' (" + String.join(", ", allowed) + ")",
            "");
      }
    } else if (!allowed.contains(value)) {
      ctx.warn(
          "lint." + field + "-value", ctx.at(field), valueMessage(field, value, allowed), value);
    }
  }

  private static String valueMessage(String field, String value, List<String> allowed) {
    String lower = value.toLowerCase(Locale.ROOT).trim();
    if (allowed.contains(lower)) {
      return field + " '" + value + "' is written in lower case: '" + lower + "'";
    }
    String near = Spelling.closest(value, allowed, 2);
    return field
        + " '"
        + value
        + "' is not one of "
        + String.join(", ", allowed)
        + (near == null ? "" : "; did you mean '" + near + "'?");
  }

  private static void related(LintContext ctx, RuleMeta m) {
    List<RuleMeta.Related> related = m.related();
    for (int i = 0; i < related.size(); i++) {
      RuleMeta.Related r = related.get(i);
      String path = "related[" + i + "]";
      if (r.id() == null) {
        ctx.warn("lint.related", ctx.at(path), "this related entry has no 'id'", "related");
      } else if (!UUID.matcher(r.id()).matches()) {
        ctx.warn(
            "lint.related",
            ctx.at(path + ".id"),
            "related id '" + r.id() + "' is not a UUID",
            r.id());
      }
      if (r.type() == null) {
        ctx.warn(
            "lint.related",
            ctx.at(path),
            "this related entry has no 'type' (" + String.join(", ", RELATED_TYPES) + ")",
            "related");
      } else if (!RELATED_TYPES.contains(r.type())) {
        ctx.warn(
            "lint.related",
            ctx.at(path + ".type"),
            valueMessage("related type", r.type(), RELATED_TYPES),
            r.type());
      }
    }
  }

  private static void customFields(LintContext ctx, RuleMeta m) {
    for (String key : m.custom().keySet()) {
      String lower = key.toLowerCase(Locale.ROOT);
      String meant = null;
      if (FIELD_NAMES.contains(lower)) {
        meant = lower;
      } else if (key.length() >= 3) {
        meant = Spelling.closest(key, FIELD_NAMES, key.length() >= 6 ? 2 : 1);
      }
      if (meant != null) {
        ctx.warn(
            "lint.custom-field",
            ctx.src.key(key).line() > 0 ? ctx.src.key(key) : ctx.start(),
            "field '"
                + key
                + "' is kept as a custom field, not read as '"
                + meant
                + "'; did you mean '"
                + meant
                + "'?",
            key);
      }
    }
  }
}
