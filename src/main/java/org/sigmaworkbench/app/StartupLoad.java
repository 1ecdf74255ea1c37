package org.sigmaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sigmaworkbench.threads.DaemonThreads;

/**
 * What the window's start reads from files, read on a thread of its own as soon as the launcher
 * decides on the window, while JavaFX starts: first the settings (the window's size, place and
 * theme, which the first frame needs), then what the window opens on (the start options with the
 * rule's text, the placeholder table, the tabs of the last session), which is wanted only after the
 * first frame.
 */
final class StartupLoad {

  /** What the window opens on; {@code options} is {@code null} when {@code error} says why. */
  record Opening(
      StartupOptions options,
      String error,
      UserSettings.LoadedPlaceholders placeholders,
      List<Path> session) {}

  private final CompletableFuture<SettingsStore.Loaded> settings = new CompletableFuture<>();
  private final CompletableFuture<Opening> opening = new CompletableFuture<>();

  private StartupLoad() {}

  /** Starts reading, for the window's raw arguments. */
  static StartupLoad start(List<String> raw) {
    StartupLoad load = new StartupLoad();
    DaemonThreads.start("startup-files", () -> load.read(raw));
    return load;
  }

  private void read(List<String> raw) {
    SettingsStore.Loaded loaded;
    try {
      loaded = new SettingsStore(UserSettings.dir()).load();
      settings.complete(loaded);
    } catch (RuntimeException | Error e) {
      settings.completeExceptionally(e);
      opening.completeExceptionally(e);
      return;
    }
    try {
      opening.complete(opening(raw, loaded.settings()));
    } catch (RuntimeException | Error e) {
      opening.completeExceptionally(e);
    }
  }

  /** The settings (waits for them). */
  SettingsStore.Loaded settings() {
    return settings.join();
  }

  /** What the window opens on, when read. */
  CompletableFuture<Opening> opening() {
    return opening;
  }

  /**
   * What the window opens on: the options (a remembered target unless {@code --target} is given),
   * the placeholder table, and the tabs of the last session whose files are still there (unless
   * {@code --rule} is given).
   */
  static Opening opening(List<String> raw, Settings settings) {
    StartupOptions options;
    String error = null;
    try {
      options = StartupOptions.parse(raw);
      StartupTrace.exitAfter();
    } catch (IOException | RuntimeException e) {
      options = null;
      error = e.getMessage();
    }
    UserSettings.LoadedPlaceholders placeholders = UserSettings.loadPlaceholders();
    List<Path> session = List.of();
    if (options != null) {
      if (raw.stream().noneMatch(a -> a.equals("--target") || a.startsWith("--target="))
          && settings.target != null) {
        options =
            new StartupOptions(
                options.ruleText(),
                options.ruleSource(),
                options.rulePath(),
                options.logs(),
                settings.target,
                options.rulesFolder());
      }
      if (raw.stream().noneMatch(a -> a.equals("--rule") || a.startsWith("--rule="))) {
        session = settings.openTabs.stream().map(Path::of).filter(Files::isRegularFile).toList();
      }
    }
    return new Opening(options, error, placeholders, session);
  }
}
