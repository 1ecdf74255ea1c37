package org.sigmaworkbench.rule.lint;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigmaworkbench.rule.SourceMap;

/** The text lists: references, falsepositives, fields and scope. */
final class TextListLint implements LintFamily {

  private static final List<String> LISTS =
      List.of("references", "falsepositives", "fields", "scope");

  private static final Pattern GITHUB_FILE = Pattern.compile("https://github\\.com/.*\\.\\w{1,4}");
  private static final Pattern COMMIT = Pattern.compile(".*/[0-9a-f]{40}/.*");

  private static final Set<String> FP_MEANINGLESS = Set.of("none", "pentest", "penetration");
  private static final Set<String> FP_TYPOS =
      Set.of("unkown", "unknwon", "ligitimate", "legitim", "legitimeate", "legitimat", "legitmate");

  @Override
  public void check(LintContext ctx) {
    for (String list : LISTS) {
      Set<String> seen = new HashSet<>();
      for (SourceMap.Entry e : ctx.src.items(list)) {
        if (e.text() != null && !seen.add(e.text().trim())) {
          ctx.warn(
              "lint.list-duplicate",
              e.valuePosition(),
              "'" + e.text() + "' is given twice in '" + list + "'",
              e.text());
        }
      }
    }
    for (SourceMap.Entry e : ctx.src.items("references")) {
      String ref = e.text() == null ? "" : e.text().trim();
      if (ref.startsWith("https://attack.mitre.org/")) {
        ctx.warn(
            "lint.reference-attack-link",
            e.valuePosition(),
            "reference to ATT&CK: say it with a tag instead (e.g. attack.t1059.001)",
            ref);
      } else if (ref.startsWith("https://github.com/")
          && GITHUB_FILE.matcher(ref).matches()
          && (ref.contains("/blob/") || ref.contains("/tree/"))
          && !COMMIT.matcher(ref).matches()) {
        ctx.warn(
            "lint.reference-permalink",
            e.valuePosition(),
            "this GitHub link names a branch, so what it shows changes; link a commit (press 'y'"
                + " on the GitHub page for a permalink)",
            ref);
      }
    }
    for (SourceMap.Entry e : ctx.src.items("falsepositives")) {
      String fp = e.text() == null ? "" : e.text().trim();
      if (fp.isEmpty()) {
        continue;
      }
      if (Character.isLowerCase(fp.charAt(0))) {
        ctx.warn(
            "lint.falsepositives",
            e.valuePosition(),
            "false positive '" + fp + "' starts in lower case",
            fp);
      }
      for (String word : fp.toLowerCase(Locale.ROOT).split("[\\s,.;:()]+")) {
        if (FP_MEANINGLESS.contains(word)) {
          ctx.warn(
              "lint.falsepositives",
              e.valuePosition(),
              "false positive '"
                  + fp
                  + "': '"
                  + word
                  + "' tells the analyst nothing; write 'Unknown' or name the legitimate activity",
              fp);
        } else if (FP_TYPOS.contains(word)) {
          ctx.warn(
              "lint.falsepositives",
              e.valuePosition(),
              "false positive '" + fp + "': '" + word + "' is misspelled",
              fp);
        }
      }
    }
  }
}
