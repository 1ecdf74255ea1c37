package org.sigmaworkbench.app;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.sigmaworkbench.FuzzInputs;

/**
 * The settings file on arbitrary bytes. Loading never throws: a file it cannot read is set aside
 * with a sentence saying why, and defaults are used. What it does read comes back cleaned (lists
 * present, no blank entries, fractions in range) and survives a save and a second load unchanged.
 * Any exception, or an input over two seconds (.ci/fuzz), is a finding.
 */
class SettingsStoreFuzzTest {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("settings-fuzz");
      DIR.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FuzzInputs.warmUp(SettingsStoreFuzzTest.class, new SettingsStoreFuzzTest()::settingsFile);
  }

  @FuzzTest
  void settingsFile(byte[] bytes) throws Exception {
    FuzzInputs.withinTwoSeconds(() -> settingsFileBody(bytes));
  }

  private void settingsFileBody(byte[] bytes) {
    SettingsStore store = new SettingsStore(DIR);
    try {
      Files.write(store.file(), bytes);
      SettingsStore.Loaded first = store.load();
      Settings s = first.settings();
      if (s == null || s.recentRules == null || s.openTabs == null) {
        throw new IllegalStateException("settings not cleaned: " + s);
      }
      if (first.problem() != null) {
        if (Files.exists(store.file())) {
          throw new IllegalStateException("a broken file was not set aside: " + first.problem());
        }
        return;
      }
      store.save(s);
      SettingsStore.Loaded second = store.load();
      if (second.problem() != null
          || !second.settings().recentRules.equals(s.recentRules)
          || !second.settings().openTabs.equals(s.openTabs)
          || !Objects.equals(second.settings().mainDivider, s.mainDivider)
          || !Objects.equals(second.settings().windowWidth, s.windowWidth)) {
        throw new IllegalStateException(
            "settings changed on a save and a load: " + second.problem());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
