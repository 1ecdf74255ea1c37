package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The colours workbench.css defines for each theme (the {@code -wb-*} looked-up colours of {@code
 * .root} and {@code .root.dark}) keep text readable: WCAG contrast of at least 4.5:1.
 */
class ThemeContrastTest {

  /** Text colour and the background it is drawn on. */
  private static final String[][] PAIRS = {
    {"-wb-sel-fg", "-wb-sel-bg"},
    {"-wb-hit-sel-fg", "-wb-hit-sel-bg"},
    {"-wb-hit-sel-marker", "-wb-hit-sel-bg"},
    {"-wb-reach-sel-fg", "-wb-reach-sel-bg"},
    {"-wb-hit-fg", "-wb-hit-bg"},
    {"-wb-hit-marker", "-wb-hit-bg"},
    {"-wb-reach-fg", "-wb-reach-bg"},
    {"-wb-match-fg", "-wb-match-bg"},
    {"-wb-fg", "-wb-bg"},
    {"-wb-fg-muted", "-wb-bg-subtle"},
    {"-wb-title", "-wb-header-bg"},
    {"-wb-error-fg", "-wb-error-bg"},
    {"-wb-note-fg", "-wb-note-bg"},
    {"-wb-problem-error", "-wb-bg"},
    {"-wb-problem-warning", "-wb-bg"},
    {"-wb-yaml-key", "-wb-bg"},
    {"-wb-yaml-modifier", "-wb-bg"},
    {"-wb-yaml-string", "-wb-bg"},
    {"-wb-yaml-number", "-wb-bg"},
    {"-wb-yaml-comment", "-wb-bg"},
    {"-wb-yaml-punct", "-wb-bg"},
    {"-wb-yaml-value", "-wb-bg"},
    {"-wb-yaml-identifier", "-wb-bg"},
    {"-wb-keyword", "-wb-bg"},
    {"-wb-yaml-key", "-wb-error-line"},
    {"-wb-yaml-string", "-wb-warning-line"},
    {"-wb-detail-why", "-wb-detail-bg"},
    {"-wb-detail-held", "-wb-detail-bg"},
    {"-wb-detail-name", "-wb-detail-bg"},
  };

  static String css() throws IOException {
    try (InputStream in = WorkbenchApp.class.getResourceAsStream("workbench.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The {@code -wb-*} declarations of the first block with this selector: a colour ({@code
   * #rrggbb}) or the name of another {@code -wb-*} colour.
   */
  static Map<String, String> declarations(String css, String selector) {
    Matcher block =
        Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
    assertThat(block.find()).as(selector + " block").isTrue();
    Map<String, String> out = new LinkedHashMap<>();
    Matcher d =
        Pattern.compile("(-wb-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6}|-wb-[a-z-]+)\\s*;")
            .matcher(block.group(1));
    while (d.find()) {
      out.put(d.group(1), d.group(2));
    }
    return out;
  }

  /** The declarations whose value is a colour written out. */
  static Map<String, String> writtenOut(Map<String, String> declarations) {
    Map<String, String> out = new LinkedHashMap<>(declarations);
    out.values().removeIf(v -> !v.startsWith("#"));
    return out;
  }

  /**
   * A theme's colours: the light declarations, with {@code over} (the dark block) on top, each name
   * of another colour followed to its value as JavaFX looks it up on the scene root.
   */
  static Map<String, String> theme(Map<String, String> light, Map<String, String> over) {
    Map<String, String> all = new LinkedHashMap<>(light);
    all.putAll(over);
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : all.keySet()) {
      String v = all.get(name);
      for (int hops = 0; v != null && v.startsWith("-wb-") && hops < all.size(); hops++) {
        v = all.get(v);
      }
      assertThat(v).as(name + " resolves to a colour").isNotNull().startsWith("#");
      out.put(name, v);
    }
    return out;
  }

  static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(double l1, double l2) {
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  @Test
  void contrastMatchesTheWcagExamples() {
    assertThat(contrast(luminance("#000000"), luminance("#ffffff"))).isCloseTo(21, within());
    assertThat(contrast(luminance("#777777"), luminance("#ffffff"))).isCloseTo(4.48, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }

  @Test
  void everyTextColourIsReadableOnItsBackgroundInBothThemes() throws IOException {
    String css = css();
    Map<String, String> lightBlock = declarations(css, ".root");
    Map<String, String> darkBlock = declarations(css, ".root.dark");
    // Each colour the light theme writes out has its dark variant; a colour named after another
    // (in the light block only) follows that one in both themes.
    assertThat(darkBlock.keySet())
        .containsExactlyInAnyOrderElementsOf(writtenOut(lightBlock).keySet());
    assertThat(writtenOut(darkBlock)).isEqualTo(darkBlock);
    Map<String, String> light = theme(lightBlock, Map.of());
    Map<String, String> dark = theme(lightBlock, darkBlock);
    for (Map<String, String> theme : java.util.List.of(light, dark)) {
      for (String[] p : PAIRS) {
        assertThat(theme).containsKeys(p[0], p[1]);
        double ratio = contrast(luminance(theme.get(p[0])), luminance(theme.get(p[1])));
        assertThat(ratio)
            .as(
                (theme == light ? "light " : "dark ")
                    + p[0]
                    + " "
                    + theme.get(p[0])
                    + " on "
                    + p[1]
                    + " "
                    + theme.get(p[1]))
            .isGreaterThanOrEqualTo(4.5);
      }
    }
  }

  @Test
  void ourRulesUseTheThemeColoursNotFixedOnes() throws IOException {
    String css = css();
    // Outside the two palette blocks no colour is written out, so every rule follows the theme.
    String rules =
        css.replaceFirst("(?m)^\\.root\\s*\\{[^}]*}", "")
            .replaceFirst("(?m)^\\.root\\.dark\\s*\\{[^}]*}", "")
            .replaceAll("/\\*(?s:.*?)\\*/", "");
    assertThat(rules).doesNotContainPattern("#[0-9a-fA-F]{3,6}\\b(?![-\\w])\\s*[,;]");
    // Every -wb-* colour a rule uses is defined.
    Map<String, String> defined = declarations(css, ".root");
    Matcher used = Pattern.compile("-wb-[a-z-]+").matcher(rules);
    while (used.find()) {
      assertThat(defined).containsKey(used.group());
    }
  }
}
