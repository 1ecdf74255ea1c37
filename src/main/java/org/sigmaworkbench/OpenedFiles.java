package org.sigmaworkbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files handed to the desktop start as bare paths, as a desktop's "Open with" and the installers'
 * file associations pass them: a {@code .yml} or {@code .yaml} file opens as the rule, any other
 * file loads as a log. The bare paths before the first option become {@code --rule FILE} and {@code
 * --logs FILE...}; the rest of the arguments follow unchanged. Two rule files are left as given,
 * for the window's own argument check to refuse: the window edits one rule.
 */
final class OpenedFiles {
  private OpenedFiles() {}

  /** The desktop start's arguments with leading bare file paths written as options. */
  static String[] asOptions(String[] args) {
    int bare = 0;
    while (bare < args.length && !args[bare].startsWith("-") && !args[bare].isEmpty()) {
      bare++;
    }
    if (bare == 0) {
      return args;
    }
    List<String> rules = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    for (int i = 0; i < bare; i++) {
      (isRule(args[i]) ? rules : logs).add(args[i]);
    }
    if (rules.size() > 1) {
      return args;
    }
    List<String> out = new ArrayList<>();
    for (String rule : rules) {
      out.add("--rule");
      out.add(rule);
    }
    if (!logs.isEmpty()) {
      out.add("--logs");
      out.addAll(logs);
    }
    out.addAll(List.of(args).subList(bare, args.length));
    return out.toArray(new String[0]);
  }

  private static boolean isRule(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }
}
