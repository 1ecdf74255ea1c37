package org.sigmaworkbench.app;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Style spans for the KQL preview: strings, operators, functions, the table and the pipe. */
final class KqlHighlighter {

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<string>@?\"(?:[^\"\\\\\\n]|\\\\.|\"\")*\"|@?'(?:[^'\\\\\\n]|\\\\.)*')"
              + "|(?<comment>//[^\\n]*)"
              + "|(?<pipe>\\|)"
              + "|(?<keyword>\\b(?:where|and|or|not|in~|in|contains_cs|contains|startswith_cs|startswith|endswith_cs|endswith|has_any|has|matches\\s+regex|summarize|by|extend|project|true|false)\\b|in~|=~|==|!=|<=|>=|<|>)"
              + "|(?<function>\\b[a-z_0-9]+(?=\\())"
              + "|(?<table>^[A-Za-z_][A-Za-z0-9_]*)",
          Pattern.MULTILINE);

  private KqlHighlighter() {}

  static StyleSpans<Collection<String>> compute(String text) {
    StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
    Matcher m = TOKEN.matcher(text);
    int last = 0;
    while (m.find()) {
      String style =
          m.group("string") != null
              ? "kql-string"
              : m.group("comment") != null
                  ? "kql-comment"
                  : m.group("pipe") != null
                      ? "kql-pipe"
                      : m.group("keyword") != null
                          ? "kql-keyword"
                          : m.group("function") != null ? "kql-function" : "kql-table";
      b.add(List.of(), m.start() - last);
      b.add(List.of(style), m.end() - m.start());
      last = m.end();
    }
    b.add(List.of(), text.length() - last);
    return b.create();
  }
}
