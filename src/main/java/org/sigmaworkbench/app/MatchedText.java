package org.sigmaworkbench.app;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.sigmaworkbench.engine.MatchSpan;

/**
 * A field value on one line with the matched part highlighted: the text before it (shortened from
 * the left when long), the match, the rest. Line breaks show as {@code ⏎}.
 */
final class MatchedText extends HBox {
  private static final int CONTEXT = 48;

  MatchedText(String value, List<MatchSpan> spans) {
    getStyleClass().add("matched-text");
    if (value == null) {
      return;
    }
    if (spans.isEmpty()) {
      getChildren().add(part(value, "plain"));
      return;
    }
    MatchSpan s = spans.get(0);
    int start = Math.max(0, Math.min(s.start(), value.length()));
    int end = Math.max(start, Math.min(s.end(), value.length()));
    String before = value.substring(0, start);
    if (before.length() > CONTEXT) {
      before = "…" + before.substring(before.length() - CONTEXT);
    }
    Label head = part(before, "plain");
    head.setMinWidth(Label.USE_PREF_SIZE);
    getChildren()
        .addAll(
            head, part(value.substring(start, end), "match"), part(value.substring(end), "plain"));
  }

  private static Label part(String text, String style) {
    Label l = new Label(oneLine(text));
    l.getStyleClass().add(style);
    l.setMinWidth(style.equals("match") ? Label.USE_PREF_SIZE : 0);
    return l;
  }

  static String oneLine(String s) {
    return s.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎').replace('\t', '→');
  }

  /** The text shown, for tests. */
  String shownText() {
    StringBuilder b = new StringBuilder();
    getChildren().forEach(n -> b.append(((Label) n).getText()));
    return b.toString();
  }

  /** The highlighted part, or empty. */
  String highlighted() {
    return getChildren().stream()
        .filter(n -> n.getStyleClass().contains("match"))
        .map(n -> ((Label) n).getText())
        .findFirst()
        .orElse("");
  }
}
