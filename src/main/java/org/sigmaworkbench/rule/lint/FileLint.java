package org.sigmaworkbench.rule.lint;

import java.util.regex.Pattern;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleIndex;

/** The rule file's name: SigmaHQ's naming convention. */
final class FileLint implements LintFamily {

  static final int MIN_NAME = 10;
  static final int MAX_NAME = 90;
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+\\.yml");

  @Override
  public void check(LintContext ctx) {
    String source = ctx.file.source();
    if (!(source.endsWith(".yml") || source.endsWith(".yaml"))) {
      return; // not a file name (an editor buffer, a test label)
    }
    String name = RuleIndex.fileName(source);
    Position whole = Position.NONE;
    if (name.length() < MIN_NAME || name.length() > MAX_NAME) {
      ctx.warn(
          "lint.filename",
          whole,
          "file name '"
              + name
              + "' has "
              + name.length()
              + " characters; keep it between "
              + MIN_NAME
              + " and "
              + MAX_NAME,
          name);
    } else if (!NAME.matcher(name).matches()) {
      ctx.warn(
          "lint.filename",
          whole,
          "file name '" + name + "' is not lower-case letters, digits and '_' ending in .yml",
          name);
    }
  }
}
