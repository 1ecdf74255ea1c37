package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks across the files of a collection: duplicate ids, names and titles, and filter and
 * correlation references that do not resolve.
 */
final class CollectionLint implements LintFamily {

  private static final int SHOWN = 3;

  @Override
  public List<LintCheck> checks() {
    return List.of(
        new LintCheck("lint.id-duplicate", "another document of the folder has the same id"),
        new LintCheck("lint.name-duplicate", "another document of the folder has the same name"),
        new LintCheck("lint.title-duplicate", "another rule of the folder has the same title"),
        new LintCheck(
            "lint.correlation-reference",
            "a rule a correlation names is not in its file or folder, or is a filter"),
        new LintCheck(
            "lint.filter-reference",
            "a rule a filter names is not in its file or folder, or is not a detection rule"));
  }

  @Override
  public void check(LintContext ctx) {
    RuleMeta m = ctx.meta();
    duplicates(ctx, "lint.id-duplicate", "id", m.id(), ctx.collection.byId(m.id()), ctx.at("id"));
    duplicates(
        ctx,
        "lint.name-duplicate",
        "name",
        m.name(),
        ctx.collection.byName(m.name()),
        ctx.at("name"));
    if (ctx.doc instanceof SigmaRule) {
      List<RuleCollection.Entry> sameTitle = new ArrayList<>();
      for (RuleCollection.Entry e : ctx.collection.byTitle(m.title())) {
        if (e.document() instanceof SigmaRule) {
          sameTitle.add(e);
        }
      }
      duplicates(ctx, "lint.title-duplicate", "title", m.title(), sameTitle, ctx.at("title"));
    }
    if (ctx.doc instanceof CorrelationRule c) {
      references(ctx, "lint.correlation-reference", "correlation.rules", c.rules(), false);
    } else if (ctx.doc instanceof FilterRule f && !f.appliesToAll()) {
      references(ctx, "lint.filter-reference", "filter.rules", f.rules(), true);
    }
  }

  private static void duplicates(
      LintContext ctx,
      String id,
      String what,
      String value,
      List<RuleCollection.Entry> same,
      Position at) {
    if (value == null || same.size() < 2 || !ctx.on(id)) {
      return;
    }
    List<String> others = new ArrayList<>();
    for (RuleCollection.Entry e : same) {
      if (e.document() != ctx.doc) {
        others.add(e.where());
      }
    }
    if (others.isEmpty()) {
      return;
    }
    String shown = String.join(", ", others.subList(0, Math.min(SHOWN, others.size())));
    if (others.size() > SHOWN) {
      shown += " and " + (others.size() - SHOWN) + " more";
    }
    ctx.warn(id, at, what + " '" + value + "' is also used by " + shown, value);
  }

  private static void references(
      LintContext ctx, String id, String path, List<String> refs, boolean filter) {
    if (!ctx.on(id)) {
      return;
    }
    List<SourceMap.Entry> entries = ctx.src.items(path);
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      Position at = i < entries.size() ? entries.get(i).valuePosition() : ctx.at(path);
      List<RuleCollection.Entry> found = ctx.collection.resolve(ref);
      if (found.isEmpty()) {
        ctx.warn(
            id,
            at,
            "no rule with id or name '"
                + ref
                + "' in "
                + (ctx.collection.files().size() > 1 ? "this folder" : "this file")
                + "; the "
                + (filter ? "filter" : "correlation")
                + " cannot be checked against it",
            ref);
        continue;
      }
      RuleDocument target = found.get(0).document();
      if (filter && !(target instanceof SigmaRule)) {
        ctx.warn(
            id, at, "'" + ref + "' is not a detection rule; filters apply to detection rules", ref);
      } else if (!filter && target instanceof FilterRule) {
        ctx.warn(
            id,
            at,
            "'" + ref + "' is a filter; correlations relate detection or correlation rules",
            ref);
      } else if (target == ctx.doc) {
        ctx.warn(id, at, "the correlation names itself", ref);
      }
    }
  }
}
