package org.sigmaworkbench.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.TestFiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every Windows logsource the SigmaHQ rules use is in the logsource table, so no rule is kept from
 * the events it is written for because the table lacks its service or category.
 */
class LogsourceTableCorpusTest {

  /** Categories of ETW providers (Microsoft-Windows-Kernel-File) no exported channel carries. */
  private static final Set<String> ETW_ONLY = Set.of("file_access", "file_rename");

  @Test
  void theTableKnowsEveryWindowsServiceAndCategoryOfTheSigmaRules() throws Exception {
    Path rules = TestFiles.corpus("sigma-rules");
    Set<String> services = new TreeSet<>();
    Set<String> categories = new TreeSet<>();
    int windowsRules = 0;
    try (Stream<Path> files = Files.walk(rules)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r)) {
            if (doc instanceof Map<?, ?> m && m.get("logsource") instanceof Map<?, ?> ls) {
              if ("windows".equals(ls.get("product"))) {
                windowsRules++;
                if (ls.get("service") != null) {
                  services.add(String.valueOf(ls.get("service")));
                }
                if (ls.get("category") != null) {
                  categories.add(String.valueOf(ls.get("category")));
                }
              }
            }
          }
        } catch (RuntimeException e) {
          // Not a rule file we can read: the rule loader's corpus tests deal with those.
        }
      }
    }
    assertThat(windowsRules).isGreaterThan(2000);
    WindowsLogsources table = WindowsLogsources.builtIn();
    assertThat(services.stream().filter(s -> table.eventService(s) == null)).isEmpty();
    Set<String> unknown = new TreeSet<>(categories);
    unknown.removeAll(table.categories());
    assertThat(unknown).isSubsetOf(ETW_ONLY);
  }
}
