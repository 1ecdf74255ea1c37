package org.sigmaworkbench.kql;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmaworkbench.FuzzInputs;
import org.sigmaworkbench.mapping.TargetCatalog;
import org.sigmaworkbench.rule.CorrelationRule;
import org.sigmaworkbench.rule.RuleDocument;
import org.sigmaworkbench.rule.RuleFile;
import org.sigmaworkbench.rule.SigmaRule;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * Any rule text loaded and, when it loads without errors, written as KQL for every built-in target,
 * as {@code convert} does. The writer reports what it cannot write in its result; any exception, or
 * an input that takes over two seconds (.ci/fuzz), is a finding.
 */
class KqlWriterFuzzTest {

  private static final List<KqlWriter> WRITERS =
      TargetCatalog.BUILT_IN.stream().map(n -> new KqlWriter(TargetCatalog.get(n))).toList();

  static {
    FuzzInputs.warmUp(KqlWriterFuzzTest.class, new KqlWriterFuzzTest()::convert);
  }

  @FuzzTest
  void convert(byte[] bytes) throws Exception {
    FuzzInputs.withinTwoSeconds(() -> convertBody(bytes));
  }

  private void convertBody(byte[] bytes) {
    RuleFile file = new RuleLoader().load(new String(bytes, StandardCharsets.UTF_8), "fuzz.yml");
    Map<String, SigmaRule> byReference = new LinkedHashMap<>();
    for (SigmaRule r : file.rules()) {
      if (r.meta().name() != null) {
        byReference.putIfAbsent(r.meta().name(), r);
      }
      if (r.id() != null) {
        byReference.putIfAbsent(r.id(), r);
      }
    }
    for (RuleDocument d : file.documents()) {
      if (d.hasErrors()) {
        continue;
      }
      for (KqlWriter writer : WRITERS) {
        if (d instanceof CorrelationRule c) {
          writer.write(c, byReference);
        } else if (d instanceof SigmaRule r) {
          writer.write(r);
        }
      }
    }
  }
}
