package org.sigmaworkbench.app;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The text of a new rule: a fresh id, today's date, status experimental and a process creation
 * skeleton, with the title's value selected so that typing replaces it.
 *
 * @param text the rule
 * @param titleStart where the title's value starts
 * @param titleEnd where it ends
 */
record RuleTemplate(String text, int titleStart, int titleEnd) {

  static final String TITLE = "New rule";

  static RuleTemplate create(UUID id, LocalDate today) {
    String text =
        "title: "
            + TITLE
            + "\nid: "
            + id
            + "\nstatus: experimental\ndescription: Detects ...\nreferences:\n  - https://\n"
            + "author: \ndate: "
            + today
            + "\ntags:\n  - attack.execution\nlogsource:\n  category: process_creation\n"
            + "  product: windows\ndetection:\n  selection:\n    Image|endswith: '\\example.exe'\n"
            + "    CommandLine|contains: ' -example '\n  condition: selection\n"
            + "falsepositives:\n  - Unknown\nlevel: medium\n";
    int start = "title: ".length();
    return new RuleTemplate(text, start, start + TITLE.length());
  }

  /** A new rule with a random (version 4) id and today's date. */
  static RuleTemplate create() {
    return create(UUID.randomUUID(), LocalDate.now());
  }
}
