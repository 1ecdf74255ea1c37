package org.sigmaworkbench.app;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.sigmaworkbench.authoring.YamlPosition;

/**
 * Style spans for Sigma YAML, one pass over the lines: keys, modifiers after {@code |}, strings,
 * numbers, literals, comments, and the keywords of a {@code condition}. CSS classes name what a
 * token is; the stylesheet decides how it looks.
 */
final class YamlHighlighter {

  private static final Pattern KEY =
      Pattern.compile(
          "^(\\s*)(-\\s+)?('[^']*'|\"[^\"]*\"|[^\\s#'\"\\-][^:#]*?|-[^\\s:#][^:#]*?)(:)(?=\\s|$)");
  private static final Pattern CONDITION_WORD =
      Pattern.compile("\\b(and|or|not|of|them|all|any|1)\\b|[()|]");
  private static final Set<String> LITERALS = Set.of("true", "false", "null", "~", "yes", "no");

  private YamlHighlighter() {}

  static StyleSpans<Collection<String>> compute(String text) {
    StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
    int pos = 0;
    int n = text.length();
    boolean any = false;
    while (pos <= n) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = n;
      }
      line(b, text.substring(pos, end));
      any = true;
      if (end < n) {
        b.add(List.of(), 1);
      }
      pos = end + 1;
    }
    if (!any) {
      b.add(List.of(), 0);
    }
    return b.create();
  }

  private static void line(StyleSpansBuilder<Collection<String>> b, String line) {
    String stripped = line.stripLeading();
    if (stripped.startsWith("#") || stripped.startsWith("---")) {
      add(b, stripped.startsWith("#") ? "yaml-comment" : "yaml-punct", line.length());
      return;
    }
    int i = 0;
    String valueStyle = "yaml-value";
    Matcher m = KEY.matcher(line);
    if (m.find()) {
      add(b, null, m.end(1));
      if (m.group(2) != null) {
        add(b, "yaml-punct", m.group(2).length());
      }
      String key = m.group(3);
      int bar = key.indexOf('|');
      if (bar < 0) {
        add(b, "yaml-key", key.length());
      } else {
        add(b, bar == 0 ? null : "yaml-key", bar);
        add(b, "yaml-modifier", key.length() - bar);
      }
      add(b, "yaml-punct", 1);
      i = m.end();
      if (key.equals("condition")) {
        valueStyle = "condition";
      }
    } else {
      int dash = 0;
      while (dash < line.length() && Character.isWhitespace(line.charAt(dash))) {
        dash++;
      }
      if (dash < line.length()
          && line.charAt(dash) == '-'
          && (dash + 1 == line.length() || line.charAt(dash + 1) == ' ')) {
        add(b, null, dash);
        add(b, "yaml-punct", 1);
        i = dash + 1;
      }
    }
    value(b, line.substring(i), valueStyle);
  }

  private static void value(StyleSpansBuilder<Collection<String>> b, String v, String style) {
    int lead = 0;
    while (lead < v.length() && Character.isWhitespace(v.charAt(lead))) {
      lead++;
    }
    add(b, null, lead);
    String rest = v.substring(lead);
    if (rest.isEmpty()) {
      return;
    }
    int comment = YamlPosition.commentStart(rest);
    String body = comment < 0 ? rest : rest.substring(0, comment);
    String trimmed = body.strip();
    if (style.equals("condition")) {
      String text = body;
      boolean quoted = !text.isEmpty() && (text.charAt(0) == '\'' || text.charAt(0) == '"');
      Matcher m = CONDITION_WORD.matcher(text);
      int last = 0;
      while (m.find()) {
        add(b, quoted ? "yaml-string" : "yaml-identifier", m.start() - last);
        add(b, "condition-keyword", m.end() - m.start());
        last = m.end();
      }
      add(b, quoted ? "yaml-string" : "yaml-identifier", text.length() - last);
    } else if (trimmed.startsWith("'") || trimmed.startsWith("\"")) {
      add(b, "yaml-string", body.length());
    } else if (LITERALS.contains(trimmed.toLowerCase(Locale.ROOT))) {
      add(b, "yaml-literal", body.length());
    } else if (trimmed.matches("[-+]?(0x[0-9a-fA-F]+|\\d+(\\.\\d+)?)")) {
      add(b, "yaml-number", body.length());
    } else {
      add(b, style, body.length());
    }
    if (comment >= 0) {
      add(b, "yaml-comment", rest.length() - comment);
    }
  }

  private static void add(StyleSpansBuilder<Collection<String>> b, String style, int length) {
    if (length <= 0) {
      return;
    }
    b.add(style == null ? List.of() : List.of(style), length);
  }
}
