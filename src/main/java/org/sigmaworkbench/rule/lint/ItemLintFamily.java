package org.sigmaworkbench.rule.lint;

import org.sigmaworkbench.rule.DetectionItem;

/** A family of checks that looks at each detection item of the document in turn. */
interface ItemLintFamily extends LintFamily {

  @Override
  default void check(LintContext ctx) {
    for (DetectionItem item : ctx.src.detectionItems()) {
      item(ctx, item, ItemTraits.of(item));
    }
  }

  /** Looks at one detection item, with what its modifiers make of it. */
  void item(LintContext ctx, DetectionItem item, ItemTraits traits);
}
