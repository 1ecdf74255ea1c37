package org.sigmaworkbench.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Reads and writes {@link Settings} as JSON in the settings folder. A file that cannot be read is
 * never fatal: it is moved aside ({@code settings.json.broken}) and the defaults are used, with a
 * line saying so. Touches files: never called on the FX thread except at exit.
 */
final class SettingsStore {
  static final String FILE = "settings.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The settings, and what was wrong with the file ({@code null} when nothing was). */
  record Loaded(Settings settings, String problem) {}

  private final Path dir;

  SettingsStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path file() {
    return dir.resolve(FILE);
  }

  Loaded load() {
    Path f = file();
    if (!Files.isRegularFile(f)) {
      return new Loaded(new Settings(), null);
    }
    String why;
    try {
      Settings s = JSON.readValue(f.toFile(), Settings.class);
      if (s != null) {
        return new Loaded(cleaned(s), null);
      }
      why = "it holds no settings";
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      why =
          (at == null || at.getLineNr() < 1
                  ? ""
                  : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
              + e.getOriginalMessage();
    } catch (IOException e) {
      why = String.valueOf(e.getMessage());
    }
    Path aside = dir.resolve(FILE + ".broken");
    String kept;
    try {
      Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
      kept = "; the old file is kept as " + aside.getFileName();
    } catch (IOException e) {
      kept = "";
    }
    return new Loaded(
        new Settings(),
        "The settings file " + f + " could not be read (" + why + "); settings were reset" + kept);
  }

  /** Writes the settings (atomically, creating the folder). */
  void save(Settings s) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(file(), JSON.writeValueAsString(s));
  }

  /** Lists never null, entries never null or blank, sizes and fractions in range. */
  private static Settings cleaned(Settings s) {
    s.recentRules =
        s.recentRules == null
            ? new ArrayList<>()
            : new ArrayList<>(
                s.recentRules.stream()
                    .filter(Objects::nonNull)
                    .filter(r -> !r.isBlank())
                    .distinct()
                    .limit(Settings.RECENT_MAX)
                    .toList());
    s.openTabs =
        s.openTabs == null
            ? new ArrayList<>()
            : new ArrayList<>(
                s.openTabs.stream().filter(Objects::nonNull).filter(r -> !r.isBlank()).toList());
    if (!fraction(s.mainDivider)) {
      s.mainDivider = null;
    }
    if (!fraction(s.rightDivider)) {
      s.rightDivider = null;
    }
    if (s.windowWidth == null
        || s.windowHeight == null
        || !(s.windowWidth >= 200 && s.windowHeight >= 150)) {
      s.windowWidth = null;
      s.windowHeight = null;
    }
    return s;
  }

  private static boolean fraction(Double d) {
    return d != null && d > 0.02 && d < 0.98;
  }
}
