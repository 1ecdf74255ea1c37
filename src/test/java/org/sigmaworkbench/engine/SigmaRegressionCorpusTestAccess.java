package org.sigmaworkbench.engine;

import java.io.IOException;
import java.util.List;

/** The regression sets of {@link SigmaRegressionCorpusTest}, for tests in other packages. */
public final class SigmaRegressionCorpusTestAccess {
  private SigmaRegressionCorpusTestAccess() {}

  /** One regression set: its rule and .evtx (relative to the corpus) and its record count. */
  public record Set(String rulePath, String evtxPath, int records) {}

  public static List<Set> sets() throws IOException {
    return SigmaRegressionCorpusTest.sets().stream()
        .map(s -> new Set(s.rulePath(), s.evtxPath(), s.records()))
        .toList();
  }
}
