package org.sigmaworkbench.rule.lint;

import java.util.List;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.RuleMeta;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.SourceMap;

/** What a lint family sees of one document, and where its warnings go. */
final class LintContext {
  final RuleFile file;
  final RuleDocument doc;
  final SourceMap src;
  private final LintSettings settings;
  private final List<RuleProblem> out;

  LintContext(RuleFile file, RuleDocument doc, LintSettings settings, List<RuleProblem> out) {
    this.file = file;
    this.doc = doc;
    this.src = doc.source();
    this.settings = settings;
    this.out = out;
  }

  boolean on(String id) {
    return settings.enabled(id);
  }

  RuleMeta meta() {
    return doc.meta();
  }

  /** Where the document starts: the place for warnings about something missing. */
  Position start() {
    return doc.meta().position();
  }

  /** Where the value at {@code path} is, else where its key is, else where the document starts. */
  Position at(String path) {
    Position p = src.value(path);
    if (p.line() > 0) {
      return p;
    }
    p = src.key(path);
    return p.line() > 0 ? p : start();
  }

  void warn(String id, Position at, String message, String excerpt) {
    if (settings.enabled(id)) {
      out.add(RuleProblem.warning(id, message, at, excerpt));
    }
  }
}
