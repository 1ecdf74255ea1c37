package org.sigmaworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The installers workflow (packaging/ci/installers.yml) cannot run here (it needs Windows and macOS
 * runners), so it is checked against the repository: every file it names exists (or an earlier step
 * makes it), every command it runs is the build script, the smoke test, a built launcher or a known
 * tool, the package types it asks for are ones build-app.sh accepts, and its Java version is the
 * pom's release.
 */
class InstallersWorkflowTest {

  private static final Path WORKFLOW = Path.of("packaging/ci/installers.yml");
  private static final Path BUILD_SCRIPT = Path.of("packaging/build-app.sh");

  /** Commands a step may start with besides our scripts and the launchers it built. */
  private static final Set<String> KNOWN_TOOLS =
      Set.of("choco", "echo", "magick", "sips", "iconutil", "mkdir", "sudo");

  private static final Pattern ENV_ASSIGNMENT = Pattern.compile("[A-Z_][A-Z0-9_]*=\\S*");

  private static Map<String, Object> jobs;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> workflow = yaml.load(Files.readString(WORKFLOW, StandardCharsets.UTF_8));
    jobs = (Map<String, Object>) workflow.get("jobs");
    assertThat(jobs).isNotEmpty();
  }

  /** Every step of every job, in order. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(String job) {
    return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
  }

  /** Each run line of a job, split into shell words (quotes removed). */
  private static List<List<String>> runLines(String job) {
    List<List<String>> lines = new ArrayList<>();
    for (Map<String, Object> step : steps(job)) {
      if (step.get("run") instanceof String run) {
        for (String line : run.split("\n")) {
          if (!line.isBlank()) {
            lines.add(words(line));
          }
        }
      }
    }
    return lines;
  }

  /** Shell words of a line: split at blanks outside quotes, quotes removed. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  /** The command of a line, after any VAR=value prefixes. */
  private static int commandIndex(List<String> words) {
    int i = 0;
    while (i < words.size() - 1 && ENV_ASSIGNMENT.matcher(words.get(i)).matches()) {
      i++;
    }
    return i;
  }

  /** Words that name files of the repository or of the build (relative paths with a slash). */
  private static boolean isPath(String word) {
    return word.contains("/")
        && !word.startsWith("-")
        && !word.startsWith("$")
        && !word.contains("://")
        && !word.contains("=")
        && !word.startsWith("C:");
  }

  @Test
  void everyFileItNamesExistsOrAnEarlierStepMakesIt() {
    for (String job : jobs.keySet()) {
      Set<String> made = new HashSet<>();
      for (List<String> line : runLines(job)) {
        int c = commandIndex(line);
        String command = line.get(c);
        for (int i = c; i < line.size(); i++) {
          String word = line.get(i);
          if (!isPath(word) || word.startsWith("target/") || made.contains(word)) {
            continue;
          }
          boolean output =
              (command.equals("magick") && i == line.size() - 1)
                  || (i > 0 && List.of("--out", "-o").contains(line.get(i - 1)));
          if (output) {
            made.add(word);
          } else {
            assertThat(Path.of(word)).as("%s in job %s: %s", word, job, line).exists();
          }
        }
      }
      for (Map<String, Object> step : steps(job)) {
        if (step.get("with") instanceof Map<?, ?> with && with.get("path") instanceof String p) {
          assertThat(p)
              .as("uploads come from the build's output folder")
              .startsWith("target/dist/");
        }
      }
    }
  }

  @Test
  void everyCommandIsOurScriptABuiltLauncherOrAKnownTool() {
    for (String job : jobs.keySet()) {
      for (List<String> line : runLines(job)) {
        String command = line.get(commandIndex(line));
        boolean ours =
            command.equals(BUILD_SCRIPT.toString())
                || command.equals("packaging/smoke-test.sh")
                || command.startsWith("target/dist/");
        assertThat(ours || KNOWN_TOOLS.contains(command))
            .as("job %s runs %s (%s)", job, command, line)
            .isTrue();
        if (command.startsWith("packaging/")) {
          assertThat(Path.of(command)).isExecutable();
        }
      }
    }
  }

  @Test
  void thePackageTypesItAsksForAreOnesTheBuildScriptAccepts() throws IOException {
    String script = Files.readString(BUILD_SCRIPT, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("case \"\\$TYPE\" in\\s*\\n\\s*([a-z|\\s-]+)\\)").matcher(script);
    assertThat(m.find()).as("build-app.sh's list of package types").isTrue();
    Set<String> accepted = new LinkedHashSet<>();
    for (String t : m.group(1).split("\\|")) {
      accepted.add(t.trim());
    }
    assertThat(accepted).contains("app-image", "deb", "msi", "dmg");
    Set<String> asked = new LinkedHashSet<>();
    for (String job : jobs.keySet()) {
      for (List<String> line : runLines(job)) {
        int c = commandIndex(line);
        if (line.get(c).equals(BUILD_SCRIPT.toString())) {
          String type = line.size() > c + 1 ? line.get(c + 1) : "app-image";
          assertThat(accepted).as("job %s asks build-app.sh for %s", job, type).contains(type);
          asked.add(type);
        }
      }
    }
    assertThat(asked).contains("msi", "dmg");
  }

  @Test
  @SuppressWarnings("unchecked")
  void itsJavaVersionIsThePomsRelease() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<maven.compiler.release>(\\d+)<").matcher(pom);
    assertThat(m.find()).isTrue();
    int setups = 0;
    for (String job : jobs.keySet()) {
      for (Map<String, Object> step : steps(job)) {
        if (String.valueOf(step.get("uses")).startsWith("actions/setup-java")) {
          Map<String, Object> with = (Map<String, Object>) step.get("with");
          assertThat(String.valueOf(with.get("java-version"))).as(job).isEqualTo(m.group(1));
          setups++;
        }
      }
    }
    assertThat(setups).isEqualTo(jobs.size());
  }

  @Test
  void wordsKeepQuotedPathsWhole() {
    assertThat(words("\"target/dist/Sigma Workbench/x.exe\" test a 'b c'"))
        .containsExactly("target/dist/Sigma Workbench/x.exe", "test", "a", "b c");
  }
}
