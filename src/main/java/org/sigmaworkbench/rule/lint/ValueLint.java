package org.sigmaworkbench.rule.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.DetectionItem;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.SigmaString;

/** How detection values are written: wildcards, escapes, numbers, duplicates, known formats. */
final class ValueLint implements ItemLintFamily {

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  private static final Map<String, Integer> HASH_LENGTHS =
      Map.of("MD5", 32, "SHA1", 40, "SHA256", 64, "IMPHASH", 32);
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  @Override
  public void item(LintContext ctx, DetectionItem item, ItemTraits t) {
    boolean caseSensitive = t.caseSensitive();
    boolean stringMatch = !t.typed();
    Set<String> seen = item.values().size() > 1 ? new HashSet<>() : null;
    for (DetectionItem.Value v : item.values()) {
      if (v.kind() != DetectionItem.ValueKind.STRING) {
        if (seen != null && !seen.add(v.kind() + ":" + v.text())) {
          duplicate(ctx, item, v);
        }
        continue;
      }
      String text = v.text();
      if (seen != null && !seen.add(caseSensitive ? text : text.toLowerCase(Locale.ROOT))) {
        duplicate(ctx, item, v);
      }
      controlCharacters(ctx, v);
      if (!stringMatch) {
        continue;
      }
      wildcards(ctx, item, v, t);
      if (v.quoted()
          && !item.isKeyword()
          && !t.positioned()
          && !t.encoded()
          && !t.has("windash")
          && !text.isEmpty()
          && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')
          && INTEGER.matcher(text).matches()) {
        ctx.warn(
            "lint.number-as-string",
            v.position(),
            "'"
                + text
                + "' is in quotes, so it is the string \""
                + text
                + "\"; write numbers without quotes",
            text);
      }
      if (text.indexOf('%') >= 0 && !t.has("expand")) {
        placeholders(ctx, v);
      }
      if (item.field() != null
          && item.field().toLowerCase(Locale.ROOT).contains("user")
          && !t.positioned()
          && text.toUpperCase(Locale.ROOT).startsWith("NT AUTHORITY\\")) {
        ctx.warn(
            "lint.localized-user",
            v.position(),
            "'"
                + text
                + "' is the English name; Windows localizes it (NT-AUTORITÄT, AUTORITE NT, ...):"
                + " match '|contains' 'AUTHORI' and 'AUTORI' with the account name, or use the SID",
            text);
      }
      if (item.field() != null && (item.field().equals("Hashes") || item.field().equals("Hash"))) {
        hash(ctx, v);
      }
    }
    if (stringMatch && !t.positioned() && !t.has("expand")) {
      insteadOfModifier(ctx, item);
    }
  }

  private static void placeholders(LintContext ctx, DetectionItem.Value v) {
    Matcher m = ModifierLint.PLACEHOLDER.matcher(v.text());
    while (m.find()) {
      String name = m.group(1);
      for (String standard : Placeholders.STANDARD) {
        if (standard.equalsIgnoreCase(name)) {
          ctx.warn(
              "lint.placeholder-without-expand",
              v.position().plusColumns(m.start()),
              "'"
                  + m.group()
                  + "' is matched as literal text; add '|expand' to replace the placeholder with"
                  + " its values",
              m.group());
        }
      }
    }
  }

  private static void duplicate(LintContext ctx, DetectionItem item, DetectionItem.Value v) {
    ctx.warn(
        "lint.duplicate-value",
        v.position(),
        "'"
            + v.text()
            + "' is given twice in "
            + (item.isKeyword() ? "this keyword list" : "'" + item.key() + "'"),
        v.text());
  }

  private static void controlCharacters(LintContext ctx, DetectionItem.Value v) {
    String text = v.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        String name =
            switch (c) {
              case '\t' -> "a tab";
              case '\n' -> "a line break";
              case '\r' -> "a carriage return";
              case '\b' -> "a backspace";
              case '\f' -> "a form feed";
              default -> String.format("control character U+%04X", (int) c);
            };
        ctx.warn(
            "lint.control-character",
            v.position(),
            "the value holds "
                + name
                + (v.quoted()
                    ? "; in double quotes \\t, \\n, \\b become control characters: use single"
                        + " quotes for paths"
                    : ""),
            text);
        return;
      }
    }
  }

  /** Wildcard checks on one string value that is matched as a Sigma string. */
  private static void wildcards(
      LintContext ctx, DetectionItem item, DetectionItem.Value v, ItemTraits t) {
    String text = v.text();
    if (onlyStars(text)) {
      ctx.warn(
          "lint.wildcard-only",
          v.position(),
          "'"
              + text
              + "' matches any value, but not an empty or missing field"
              + (item.isKeyword()
                  ? ""
                  : "; that is '|exists: true', which says it plainly (and '|exists: false' or"
                      + " null for no value)"),
          text);
      return;
    }
    for (int i = text.indexOf("**"); i >= 0; i = text.indexOf("**", i + 1)) {
      if (backslashesBefore(text, i) % 2 == 0) {
        ctx.warn(
            "lint.double-wildcard", v.position().plusColumns(i), "'**' is the same as '*'", text);
        break;
      }
    }
    if (t.has("re") || text.indexOf('\\') < 0) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '*' || c == '?') && backslashesBefore(text, i) % 2 == 1) {
        ctx.warn(
            "lint.escaped-wildcard",
            v.position().plusColumns(i - 1),
            "'\\"
                + c
                + "' is a literal "
                + c
                + ", not a wildcard; make sure that is meant (a path ending in a backslash before"
                + " a wildcard needs '\\\\"
                + c
                + "')",
            text);
        break;
      }
    }
  }

  private static boolean onlyStars(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '*') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  private static int backslashesBefore(String text, int i) {
    int n = 0;
    for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
      n++;
    }
    return n;
  }

  /** {@code *x*}, {@code *x} or {@code x*} in every value, where a modifier says the same. */
  private static void insteadOfModifier(LintContext ctx, DetectionItem item) {
    List<DetectionItem.Value> values = item.values();
    if (values.isEmpty() || item.isKeyword()) {
      return;
    }
    for (DetectionItem.Value v : values) {
      String t = v.text();
      if (t.isEmpty() || (t.charAt(0) != '*' && t.charAt(t.length() - 1) != '*')) {
        return;
      }
    }
    boolean allContains = true;
    boolean allEnds = true;
    boolean allStarts = true;
    for (DetectionItem.Value v : values) {
      if (v.kind() != DetectionItem.ValueKind.STRING || v.text().length() < 2) {
        return;
      }
      List<SigmaString.Token> tokens = SigmaString.parse(v.text()).tokens();
      int n = tokens.size();
      boolean leading = n > 0 && tokens.get(0) instanceof SigmaString.AnyString;
      boolean trailing = n > 0 && tokens.get(n - 1) instanceof SigmaString.AnyString;
      int inner = 0;
      for (SigmaString.Token t : tokens) {
        if (!(t instanceof SigmaString.Literal)) {
          inner++;
        }
      }
      inner -= (leading ? 1 : 0) + (trailing && n > 1 ? 1 : 0);
      if (inner > 0 || n < 2) {
        return;
      }
      allContains &= leading && trailing;
      allEnds &= leading && !trailing;
      allStarts &= trailing && !leading;
    }
    String modifier =
        allContains ? "contains" : allEnds ? "endswith" : allStarts ? "startswith" : null;
    if (modifier != null) {
      ctx.warn(
          "lint.wildcard-instead-of-modifier",
          item.keyPosition(),
          "'"
              + item.key()
              + "': every value has '*' "
              + (allContains ? "at both ends" : allEnds ? "at the start" : "at the end")
              + "; write '"
              + item.field()
              + "|"
              + modifier
              + "' and the values without it",
          item.key());
    }
  }

  private static void hash(LintContext ctx, DetectionItem.Value v) {
    String text = v.text();
    String t = text;
    while (t.startsWith("*")) {
      t = t.substring(1);
    }
    while (t.endsWith("*")) {
      t = t.substring(0, t.length() - 1);
    }
    int eq = t.indexOf('=');
    if (eq < 0 || t.indexOf(',') >= 0) {
      return;
    }
    String type = t.substring(0, eq).toUpperCase(Locale.ROOT);
    String hex = t.substring(eq + 1);
    Integer length = HASH_LENGTHS.get(type);
    if (length == null) {
      ctx.warn(
          "lint.hash-value",
          v.position(),
          "hash type '" + t.substring(0, eq) + "' is not MD5, SHA1, SHA256 or IMPHASH",
          text);
    } else if (!hex.isEmpty() && (hex.length() != length || !HEX.matcher(hex).matches())) {
      ctx.warn(
          "lint.hash-value",
          v.position(),
          type + " is " + length + " hexadecimal digits; '" + hex + "' is not",
          text);
    }
  }
}
