package org.sigmaworkbench.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one rule file holds: its documents and every problem found, file-level problems (such as
 * YAML syntax) included.
 *
 * @param source the file name or another label for messages
 * @param documents the documents that could be read
 * @param fileProblems problems that belong to no document
 */
public record RuleFile(
    String source, List<RuleDocument> documents, List<RuleProblem> fileProblems) {

  public RuleFile {
    documents = List.copyOf(documents);
    fileProblems = List.copyOf(fileProblems);
  }

  /** Every problem, file-level first, then each document's. */
  public List<RuleProblem> problems() {
    List<RuleProblem> all = new ArrayList<>(fileProblems);
    for (RuleDocument d : documents) {
      all.addAll(d.problems());
    }
    return all;
  }

  public boolean hasErrors() {
    return problems().stream().anyMatch(RuleProblem::isError);
  }

  /** The first detection rule of the file, if there is one. */
  public Optional<SigmaRule> firstRule() {
    return documents.stream()
        .filter(SigmaRule.class::isInstance)
        .map(SigmaRule.class::cast)
        .findFirst();
  }

  public List<SigmaRule> rules() {
    return documents.stream()
        .filter(SigmaRule.class::isInstance)
        .map(SigmaRule.class::cast)
        .toList();
  }
}
