package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's settings file, without JavaFX. */
class SettingsStoreTest {

  @TempDir Path dir;

  @Test
  void noFileGivesTheDefaults() {
    SettingsStore.Loaded l = new SettingsStore(dir).load();
    assertThat(l.problem()).isNull();
    assertThat(l.settings().recentRules).isEmpty();
    assertThat(l.settings().darkTheme).as("no theme remembered: the system decides").isNull();
    assertThat(l.settings().windowWidth).isNull();
  }

  @Test
  void whatIsSavedIsReadBack() throws Exception {
    Settings s = new Settings();
    s.windowX = 10.0;
    s.windowY = 20.0;
    s.windowWidth = 1300.0;
    s.windowHeight = 800.0;
    s.mainDivider = 0.4;
    s.rightDivider = 0.25;
    s.target = "microsoft_xdr";
    s.recentRules = List.of("/r/a.yml", "/r/b.yml");
    s.lastRuleFolder = "/r";
    s.lastLogFolder = "/logs";
    s.darkTheme = true;
    s.openTabs = List.of("/r/a.yml");
    s.selectedTab = 0;
    SettingsStore store = new SettingsStore(dir.resolve("new-folder"));
    store.save(s);
    Settings back = store.load().settings();
    assertThat(back)
        .usingRecursiveComparison()
        .ignoringFields("recentRules", "openTabs")
        .isEqualTo(s);
    assertThat(back.recentRules).containsExactly("/r/a.yml", "/r/b.yml");
    assertThat(back.openTabs).containsExactly("/r/a.yml");
    assertThat(Files.readString(store.file())).contains("\"darkTheme\" : true");
    try (var files = Files.list(store.dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
    }
  }

  @Test
  void aBrokenFileIsResetWithAMessageAndKeptAside() throws Exception {
    Path f = dir.resolve("settings.json");
    Files.writeString(f, "{\n  \"windowWidth\": 1200,\n  \"recentRules\": [\"a\",\n");
    SettingsStore.Loaded l = new SettingsStore(dir).load();
    assertThat(l.settings().recentRules).isEmpty();
    assertThat(l.settings().windowWidth).isNull();
    assertThat(l.problem())
        .contains("settings.json could not be read")
        .contains("line ")
        .contains("settings were reset")
        .contains("settings.json.broken");
    assertThat(f).doesNotExist();
    assertThat(dir.resolve("settings.json.broken")).exists();
    // The next start is quiet.
    assertThat(new SettingsStore(dir).load().problem()).isNull();
  }

  @Test
  void wrongTypesAndNonsenseValuesAreResetOrCleaned() throws Exception {
    Files.writeString(dir.resolve("settings.json"), "[1, 2]");
    assertThat(new SettingsStore(dir).load().problem()).contains("settings were reset");
    Files.writeString(
        dir.resolve("settings.json"),
        "{\"mainDivider\": 7, \"windowWidth\": -3, \"windowHeight\": 500,"
            + " \"recentRules\": [null, \"\", \"a.yml\", \"a.yml\"], \"unknown\": 1}");
    SettingsStore.Loaded l = new SettingsStore(dir).load();
    assertThat(l.problem()).isNull();
    assertThat(l.settings().mainDivider).isNull();
    assertThat(l.settings().windowWidth).isNull();
    assertThat(l.settings().recentRules).containsExactly("a.yml");
  }

  @Test
  void theRecentListPutsTheNewestFirstWithoutDuplicatesAndKeepsTen() {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      list = Settings.withRecent(list, "r" + i + ".yml");
    }
    assertThat(list)
        .containsExactlyElementsOf(
            IntStream.iterate(11, i -> i >= 2, i -> i - 1)
                .mapToObj(i -> "r" + i + ".yml")
                .toList());
    list = Settings.withRecent(list, "r5.yml");
    assertThat(list).hasSize(10).startsWith("r5.yml", "r11.yml").containsOnlyOnce("r5.yml");
  }
}
