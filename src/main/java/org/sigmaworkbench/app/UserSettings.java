package org.sigmaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.rule.Placeholders;
import org.sigmaworkbench.rule.RuleProblem;
import org.sigmaworkbench.rule.yaml.PlaceholderFile;

/**
 * What the workbench keeps between runs, in a folder of the user's: the system property {@code
 * sigmawb.settingsDir} (or {@code sigmawb.home}), {@code $SIGMA_WORKBENCH_HOME}, or {@code
 * ~/.sigma-workbench}. Here: the placeholder table ({@code placeholders.yaml}, the same format as
 * the command line's {@code --placeholders}); the window's settings ({@link SettingsStore}) and the
 * autosaved tabs ({@link Autosave}) live in the same folder. Never called on the FX thread.
 */
final class UserSettings {
  private UserSettings() {}

  static Path dir() {
    String property = System.getProperty("sigmawb.settingsDir");
    if (property == null || property.isBlank()) {
      property = System.getProperty("sigmawb.home");
    }
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("SIGMA_WORKBENCH_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".sigma-workbench");
  }

  static Path placeholdersFile() {
    return dir().resolve("placeholders.yaml");
  }

  /** The table and what was wrong with the file, if anything. */
  record LoadedPlaceholders(Placeholders table, List<String> messages) {}

  static LoadedPlaceholders loadPlaceholders() {
    Path f = placeholdersFile();
    if (!Files.isRegularFile(f)) {
      return new LoadedPlaceholders(Placeholders.standard(), List.of());
    }
    PlaceholderFile.Loaded loaded = PlaceholderFile.read(f);
    List<String> messages = loaded.problems().stream().map(p -> f + ": " + describe(p)).toList();
    return new LoadedPlaceholders(
        loaded.hasErrors() ? Placeholders.standard() : loaded.table(), messages);
  }

  private static String describe(RuleProblem p) {
    return p.describe();
  }

  static void savePlaceholders(Placeholders table) throws IOException {
    Files.createDirectories(dir());
    PlaceholderFile.write(table, placeholdersFile());
  }
}
