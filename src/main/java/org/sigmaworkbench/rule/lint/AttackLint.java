package org.sigmaworkbench.rule.lint;

import java.util.List;
import java.util.Locale;
import org.sigmaworkbench.rule.Position;
import org.sigmaworkbench.rule.SourceMap;
import org.sigmaworkbench.rule.attack.Attack;

/**
 * The {@code attack.*} tags against MITRE ATT&amp;CK data ({@link Attack#enterprise()}): a
 * technique, group or software that is revoked (its replacement named), deprecated or unknown, and
 * a tactic name that is no longer current ({@code defense-evasion} is {@code stealth} since v19,
 * {@code defense_evasion} was never a short name).
 */
final class AttackLint implements LintFamily {

  static final String REVOKED = "lint.attack-revoked";
  static final String DEPRECATED = "lint.attack-deprecated";
  static final String UNKNOWN = "lint.attack-unknown";
  static final String TACTIC_RENAMED = "lint.attack-tactic-renamed";

  @Override
  public void check(LintContext ctx) {
    Attack attack = Attack.enterprise();
    List<SourceMap.Entry> entries = ctx.src.items("tags");
    List<String> tags = ctx.meta().tags();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (!tag.toLowerCase(Locale.ROOT).startsWith("attack.")) {
        continue;
      }
      Position at = i < entries.size() ? entries.get(i).valuePosition() : ctx.at("tags");
      Attack.TagInfo info = attack.tag(tag);
      if (info.renamedTo() != null) {
        ctx.warn(
            TACTIC_RENAMED,
            at,
            "'"
                + tag
                + "' is not a current ATT&CK tactic name; write 'attack."
                + info.renamedTo()
                + "'",
            tag);
        continue;
      }
      if (!info.covered()) {
        continue;
      }
      Attack.Entry e = info.entry();
      if (e == null) {
        String name = tag.substring("attack.".length());
        if (name.matches("(?i)[tgs]\\d{4}(\\.\\d{3})?")) {
          ctx.warn(
              UNKNOWN,
              at,
              "'"
                  + tag
                  + "' is not in MITRE ATT&CK Enterprise "
                  + attack.version()
                  + " (no "
                  + name.toUpperCase(Locale.ROOT)
                  + ")",
              tag);
        }
        continue;
      }
      switch (e.status()) {
        case REVOKED -> {
          String replacement = info.replacement(attack).orElse(null);
          String replacementName =
              e.revokedBy() == null
                  ? ""
                  : attack.byId(e.revokedBy()).map(r -> " (" + r.fullName(attack) + ")").orElse("");
          ctx.warn(
              REVOKED,
              at,
              "'"
                  + tag
                  + "' ("
                  + e.name()
                  + ") is revoked in ATT&CK"
                  + (replacement == null
                      ? ""
                      : "; its replacement is '" + replacement + "'" + replacementName),
              tag);
        }
        case DEPRECATED ->
            ctx.warn(
                DEPRECATED,
                at,
                "'"
                    + tag
                    + "' ("
                    + e.name()
                    + ") is deprecated in ATT&CK and has no replacement; remove the tag or tag"
                    + " a current technique",
                tag);
        case ACTIVE -> {}
      }
    }
  }
}
