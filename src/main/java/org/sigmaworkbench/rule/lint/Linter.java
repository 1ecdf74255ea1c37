package org.sigmaworkbench.rule.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.rule.RuleCollection;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleIndex;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.RuleLoader;

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
          new AttackLint(),
          new TextListLint(),
          new LogsourceLint(),
          new ModifierLint(),
          new ValueLint(),
          new ConditionLint(),
          new CorrelationLint());

  private static final FileLint FILE_LINT = new FileLint();
  private static final CollectionLint COLLECTION_LINT = new CollectionLint();

  private static final String CATALOGUE = "lint-checks.tsv";

  private static final Map<String, LintCheck> CHECKS = registry();

  private final LintSettings settings;

  public Linter() {
    this(LintSettings.ALL);
  }

  public Linter(LintSettings settings) {
    this.settings = settings;
  }

  /** The catalogue of checks, {@value #CATALOGUE}: an id, a tab and a description a line. */
  private static Map<String, LintCheck> registry() {
    Map<String, LintCheck> m = new LinkedHashMap<>();
    try (InputStream in = Linter.class.getResourceAsStream(CATALOGUE)) {
      if (in == null) {
        throw new IllegalStateException("the lint catalogue " + CATALOGUE + " is missing");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0 || tab == line.length() - 1) {
          throw new IllegalStateException(
              CATALOGUE + ": not an id, a tab and a description: " + line);
        }
        String id = line.substring(0, tab);
        if (m.put(id, new LintCheck(id, line.substring(tab + 1))) != null) {
          throw new IllegalStateException(CATALOGUE + ": " + id + " is listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /**
   * Lint for one document of a file, in text order: its own checks ({@link #lintDocument}) and the
   * cross-file ones against {@code collection} ({@link #lintAcross}).
   */
  public List<RuleProblem> lint(RuleFile file, RuleDocument document, RuleCollection collection) {
    List<RuleProblem> out = new ArrayList<>(lintDocument(file, document));
    List<RuleDocument> docs = file.documents();
    for (int i = 0; i < docs.size(); i++) {
      if (docs.get(i) == document) {
        out.addAll(lintAcross(collection.index(), RuleIndex.entry(file.source(), i, document)));
      }
    }
    return RuleLoader.sorted(out);
  }

  /**
   * The checks that need only the document (and its file's name, which goes with the first
   * document), in text order.
   */
  public List<RuleProblem> lintDocument(RuleFile file, RuleDocument document) {
    List<RuleProblem> out = new ArrayList<>();
    LintContext ctx = new LintContext(file, document, settings, out);
    for (LintFamily f : DOCUMENT_FAMILIES) {
      f.check(ctx);
    }
    if (!file.documents().isEmpty() && file.documents().get(0) == document) {
      FILE_LINT.check(ctx);
    }
    return RuleLoader.sorted(out);
  }

  /**
   * The cross-file checks of one document of {@code index}: duplicate ids, names, titles and file
   * names, unresolved filter and correlation references.
   */
  public List<RuleProblem> lintAcross(RuleIndex index, RuleIndex.Entry entry) {
    List<RuleProblem> out = new ArrayList<>();
    COLLECTION_LINT.check(index, entry, settings, out);
    return RuleLoader.sorted(out);
  }

  /** The file's own problems and its lint warnings together, in text order. */
  public List<RuleProblem> problemsWithLint(RuleFile file) {
    List<RuleProblem> all = new ArrayList<>(file.problems());
    all.addAll(lint(file));
    return RuleLoader.sorted(all);
  }
}
