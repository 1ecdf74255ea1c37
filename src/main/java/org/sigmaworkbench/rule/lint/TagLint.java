package org.sigmaworkbench.rule.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.SourceMap;
import org.sigmaworkbench.rule.attack.Attack;

/** The {@code tags}: format, namespace, value per namespace, duplicates, detection tags. */
final class TagLint implements LintFamily {

  static final List<String> NAMESPACES =
      List.of("attack", "car", "cve", "d3fend", "detection", "stp", "tlp");

  static final List<String> DETECTION_TYPES = List.of("dfir", "emerging-threats", "threat-hunting");
  static final List<String> TLP =
      List.of("clear", "white", "green", "amber", "amber-strict", "red");

  private static final Pattern FORMAT = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
  private static final Pattern D3FEND_FORMAT = Pattern.compile("d3fend\\.[A-Za-z0-9._-]+");
  private static final Pattern ATTACK_ID =
      Pattern.compile("t\\d{4}(\\.\\d{3})?|g\\d{4}|s\\d{4}|m\\d{4}|ds\\d{4}|a\\d{4}|c\\d{4}");

  /** How a tag's name is written in a namespace that has a pattern, and what to say otherwise. */
  private record NameForm(Pattern pattern, String otherwise) {
    NameForm(String regex, String otherwise) {
      this(Pattern.compile(regex), otherwise);
    }
  }

  private static final Map<String, NameForm> NAME_FORMS =
      Map.of(
          "cve",
          new NameForm("\\d{4}-\\d{4,}", "a CVE tag is cve.YYYY-NNNN, e.g. cve.2021-44228"),
          "car",
          new NameForm(
              "\\d{4}-\\d{2}-\\d{3}", "a CAR tag is car.YYYY-MM-NNN, e.g. car.2016-04-005"),
          "stp",
          new NameForm(
              "[1-5][auk]?",
              "a Summiting the Pyramid tag is 1 to 5, optionally followed by a, u or k (stp.3k)"),
          "d3fend",
          new NameForm(
              "d3-[a-z0-9-]+|d3f-[A-Za-z0-9-]+|model|harden|detect|isolate|deceive|evict|restore",
              "a D3FEND tag is d3-<technique>, d3f-<artifact> or a tactic (detect, harden, ...)"));

  @Override
  public void check(LintContext ctx) {
    List<SourceMap.Entry> entries = ctx.src.items("tags");
    List<String> tags = ctx.meta().tags();
    Set<String> seen = new HashSet<>();
    int detectionTags = 0;
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      Position at = i < entries.size() ? entries.get(i).valuePosition() : ctx.at("tags");
      if (!seen.add(tag)) {
        ctx.warn("lint.tag-duplicate", at, "tag '" + tag + "' is given twice", tag);
        continue;
      }
      if (tag.startsWith("detection.")) {
        detectionTags++;
      }
      if (!FORMAT.matcher(tag).matches() && !D3FEND_FORMAT.matcher(tag).matches()) {
        String lower = tag.toLowerCase(Locale.ROOT).replace(' ', '_');
        ctx.warn(
            "lint.tag-format",
            at,
            "tag '"
                + tag
                + "' is not namespace.name in lower-case letters, digits, '_', '-' and '.'"
                + (FORMAT.matcher(lower).matches() ? "; write '" + lower + "'" : ""),
            tag);
        continue;
      }
      int dot = tag.indexOf('.');
      String namespace = tag.substring(0, dot);
      String name = tag.substring(dot + 1);
      if (!NAMESPACES.contains(namespace)) {
        ctx.warn(
            "lint.tag-namespace",
            at,
            "tag namespace '" + namespace + "' is not one of " + String.join(", ", NAMESPACES),
            tag);
        continue;
      }
      String problem = valueProblem(namespace, name);
      if (problem != null) {
        ctx.warn("lint.tag-value", at, "tag '" + tag + "': " + problem, tag);
      }
    }
    detectionFolder(ctx, tags, detectionTags);
  }

  /** What is wrong with {@code name} in {@code namespace}, or {@code null}. */
  static String valueProblem(String namespace, String name) {
    switch (namespace) {
      case "attack" -> {
        if (ATTACK_ID.matcher(name).matches()) {
          return null;
        }
        Attack.TagInfo info = Attack.enterprise().tag("attack." + name);
        if (info.entry() != null || info.renamedTo() != null || !info.covered()) {
          // a current tactic, or an old tactic name that AttackLint reports with its new name
          return null;
        }
        return "not an ATT&CK technique (t1059, t1059.001), group (g0001), software (s0001),"
            + " mitigation (m1001), data source (ds0001) or tactic ("
            + String.join(", ", Attack.enterprise().currentTacticNames())
            + ")";
      }
      case "detection" -> {
        return DETECTION_TYPES.contains(name)
            ? null
            : "detection tags are " + String.join(", ", DETECTION_TYPES);
      }
      case "tlp" -> {
        return TLP.contains(name) ? null : "TLP tags are " + String.join(", ", TLP);
      }
      default -> {
        NameForm form = NAME_FORMS.get(namespace);
        return form == null || form.pattern().matcher(name).matches() ? null : form.otherwise();
      }
    }
  }

  private static void detectionFolder(LintContext ctx, List<String> tags, int detectionTags) {
    if (detectionTags > 1) {
      ctx.warn(
          "lint.detection-tag",
          ctx.at("tags"),
          "the rule has " + detectionTags + " detection tags; a rule is of one type",
          "tags");
    }
    if (!(ctx.doc instanceof SigmaRule)) {
      return;
    }
    String path = ctx.file.source().replace('\\', '/');
    for (String type : DETECTION_TYPES) {
      if (path.contains("/rules-" + type + "/") || path.startsWith("rules-" + type + "/")) {
        if (!tags.contains("detection." + type)) {
          ctx.warn(
              "lint.detection-tag",
              ctx.src.key("tags").line() > 0 ? ctx.src.key("tags") : ctx.start(),
              "rules in rules-" + type + " carry the tag 'detection." + type + "'",
              "detection." + type);
        }
      }
    }
  }
}
