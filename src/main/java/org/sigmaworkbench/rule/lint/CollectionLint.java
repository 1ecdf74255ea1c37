package org.sigmaworkbench.rule.lint;

import java.util.ArrayList;
import java.util.List;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.RuleIndex;
import org.sigmaworkbench.rule.RuleProblem;

/**
 * Checks across the files of a folder, on a {@link RuleIndex}: duplicate ids, names, titles and
 * file names, and filter and correlation references that do not resolve.
 */
final class CollectionLint {

  private static final int SHOWN = 3;

  /** The cross-file warnings of one document. */
  void check(RuleIndex index, RuleIndex.Entry e, LintSettings settings, List<RuleProblem> out) {
    Reporter r = new Reporter(settings, out);
    duplicates(r, "lint.id-duplicate", "id", e.id(), index.byId(e.id()), e, e.idAt());
    duplicates(r, "lint.name-duplicate", "name", e.name(), index.byName(e.name()), e, e.nameAt());
    if (e.kind() == RuleIndex.Kind.RULE) {
      List<RuleIndex.Entry> sameTitle = new ArrayList<>();
      for (RuleIndex.Entry other : index.byTitle(e.title())) {
        if (other.kind() == RuleIndex.Kind.RULE) {
          sameTitle.add(other);
        }
      }
      duplicates(r, "lint.title-duplicate", "title", e.title(), sameTitle, e, e.titleAt());
    }
    if (e.document() == 0 && settings.enabled("lint.filename-duplicate")) {
      String name = RuleIndex.fileName(e.source());
      List<String> others = new ArrayList<>();
      for (String s : index.byFileName(name)) {
        if (!s.equals(e.source())) {
          others.add(s);
        }
      }
      if (!others.isEmpty() && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
        r.warn(
            "lint.filename-duplicate",
            Position.NONE,
            "file name '" + name + "' is also used by " + shown(others),
            name);
      }
    }
    if (e.kind() == RuleIndex.Kind.CORRELATION) {
      references(r, index, e, "lint.correlation-reference", false);
    } else if (e.kind() == RuleIndex.Kind.FILTER) {
      references(r, index, e, "lint.filter-reference", true);
    }
  }

  /** Where warnings go, for the enabled checks. */
  private record Reporter(LintSettings settings, List<RuleProblem> out) {
    void warn(String id, Position at, String message, String excerpt) {
      if (settings.enabled(id)) {
        out.add(RuleProblem.warning(id, message, at, excerpt));
      }
    }
  }

  private static void duplicates(
      Reporter r,
      String id,
      String what,
      String value,
      List<RuleIndex.Entry> same,
      RuleIndex.Entry self,
      Position at) {
    if (value == null || same.size() < 2 || !r.settings().enabled(id)) {
      return;
    }
    List<String> others = new ArrayList<>();
    for (RuleIndex.Entry e : same) {
      if (!(e.source().equals(self.source()) && e.document() == self.document())) {
        others.add(e.where());
      }
    }
    if (!others.isEmpty()) {
      r.warn(id, at, what + " '" + value + "' is also used by " + shown(others), value);
    }
  }

  private static String shown(List<String> others) {
    String shown = String.join(", ", others.subList(0, Math.min(SHOWN, others.size())));
    return others.size() > SHOWN ? shown + " and " + (others.size() - SHOWN) + " more" : shown;
  }

  private static void references(
      Reporter r, RuleIndex index, RuleIndex.Entry e, String id, boolean filter) {
    if (!r.settings().enabled(id)) {
      return;
    }
    for (RuleIndex.Reference ref : e.references()) {
      List<RuleIndex.Entry> found = index.resolve(ref.target());
      if (found.isEmpty()) {
        r.warn(
            id,
            ref.position(),
            "no rule with id or name '"
                + ref.target()
                + "' in "
                + (index.files() > 1 ? "this folder" : "this file")
                + "; the "
                + (filter ? "filter" : "correlation")
                + " cannot be checked against it",
            ref.target());
        continue;
      }
      RuleIndex.Entry target = found.get(0);
      if (filter && target.kind() != RuleIndex.Kind.RULE) {
        r.warn(
            id,
            ref.position(),
            "'" + ref.target() + "' is not a detection rule; filters apply to detection rules",
            ref.target());
      } else if (!filter && target.kind() == RuleIndex.Kind.FILTER) {
        r.warn(
            id,
            ref.position(),
            "'"
                + ref.target()
                + "' is a filter; correlations relate detection or correlation rules",
            ref.target());
      } else if (target.source().equals(e.source()) && target.document() == e.document()) {
        r.warn(id, ref.position(), "the correlation names itself", ref.target());
      }
    }
  }
}
