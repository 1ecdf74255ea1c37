package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lint: warnings about rules that load but are written in a way that is likely wrong, not portable
 * or against the SigmaHQ conventions. Every warning has the id of its check as its code, and every
 * check can be switched off in {@link LintSettings}. Loading ({@link RuleLoader}) reports errors;
 * lint is a separate step the caller chooses to run. An editor showing one text calls {@code
 * linter.problemsWithLint(loader.load(text, source))}; a folder check builds a {@link
 * RuleCollection} of every file and lints each file against it. A linter holds no state and may be
 * used from several threads.
 */
public final class Linter {

  private static final List<LintFamily> DOCUMENT_FAMILIES =
      List.of(
          new MetadataLint(),
          new DateLint(),
          new TagLint(),
          new TextListLint(),
          new LogsourceLint(),
          new ModifierLint(),
          new ValueLint(),
          new ConditionLint(),
          new CorrelationLint(),
          new CollectionLint());

  private static final FileLint FILE_LINT = new FileLint();

  private static final Map<String, LintCheck> CHECKS = registry();

  private final LintSettings settings;

  public Linter() {
    this(LintSettings.ALL);
  }

  public Linter(LintSettings settings) {
    this.settings = settings;
  }

  private static Map<String, LintCheck> registry() {
    Map<String, LintCheck> m = new LinkedHashMap<>();
    for (LintFamily f : DOCUMENT_FAMILIES) {
      for (LintCheck c : f.checks()) {
        m.put(c.id(), c);
      }
    }
    for (LintCheck c : FILE_LINT.checks()) {
      m.put(c.id(), c);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Every check, by family. */
  public static List<LintCheck> checks() {
    return List.copyOf(CHECKS.values());
  }

  /** Whether {@code id} names a check. */
  public static boolean isCheck(String id) {
    return CHECKS.containsKey(id);
  }

  /** Lint for every document of one file, checked against the file alone. */
  public List<RuleProblem> lint(RuleFile file) {
    return lint(file, RuleCollection.of(List.of(file)));
  }

  /**
   * Lint for every document of one file; cross-file checks (duplicate ids, unresolved references)
   * look at {@code collection}, which should hold the file itself.
   */
  public List<RuleProblem> lint(RuleFile file, RuleCollection collection) {
    List<RuleProblem> out = new ArrayList<>();
    for (RuleDocument d : file.documents()) {
      out.addAll(lint(file, d, collection));
    }
    return RuleLoader.sorted(out);
  }

  /** Lint for one document of a file, in text order. File-level checks go with the first. */
  public List<RuleProblem> lint(RuleFile file, RuleDocument document, RuleCollection collection) {
    List<RuleProblem> out = new ArrayList<>();
    LintContext ctx = new LintContext(file, document, collection, settings, out);
    for (LintFamily f : DOCUMENT_FAMILIES) {
      f.check(ctx);
    }
    if (!file.documents().isEmpty() && file.documents().get(0) == document) {
      FILE_LINT.check(ctx);
    }
    return RuleLoader.sorted(out);
  }

  /** The file's own problems and its lint warnings together, in text order. */
  public List<RuleProblem> problemsWithLint(RuleFile file) {
    List<RuleProblem> all = new ArrayList<>(file.problems());
    all.addAll(lint(file));
    return RuleLoader.sorted(all);
  }
}
