package org.sigmaworkbench.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file dialogs the window asks: the native ones, or in tests a stand-in that answers without a
 * dialog. Each starts in the folder given (the one last used for that kind of file) and answers
 * {@code null} (or an empty list) when the user cancels.
 */
interface FileDialogs {

  Path openRule(Window owner, Path folder);

  Path saveRule(Window owner, Path folder, String name);

  List<Path> openLogs(Window owner, Path folder);

  /** A folder (the regression folder of rule tests), starting in {@code folder}. */
  default Path chooseFolder(Window owner, Path folder, String title) {
    DirectoryChooser dc = new DirectoryChooser();
    dc.setTitle(title);
    if (folder != null && Files.isDirectory(folder)) {
      dc.setInitialDirectory(folder.toFile());
    }
    File f = dc.showDialog(owner);
    return f == null ? null : f.toPath();
  }

  /** A folder of rules to hunt with ({@code null} when cancelled). */
  default Path openRuleFolder(Window owner, Path folder) {
    return chooseFolder(owner, folder, "Open a folder of Sigma rules");
  }

  /** The platform's file choosers. */
  static FileDialogs standard() {
    return new FileDialogs() {
      @Override
      public Path openRule(Window owner, Path folder) {
        FileChooser fc = chooser("Open Sigma rule", folder);
        fc.getExtensionFilters()
            .addAll(
                new FileChooser.ExtensionFilter("Sigma rules (*.yml, *.yaml)", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(owner);
        return f == null ? null : f.toPath();
      }

      @Override
      public Path saveRule(Window owner, Path folder, String name) {
        FileChooser fc = chooser("Save Sigma rule", folder);
        fc.setInitialFileName(name);
        fc.getExtensionFilters()
            .add(new FileChooser.ExtensionFilter("Sigma rules (*.yml, *.yaml)", "*.yml", "*.yaml"));
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
      }

      @Override
      public List<Path> openLogs(Window owner, Path folder) {
        FileChooser fc = chooser("Open logs", folder);
        fc.getExtensionFilters()
            .addAll(
                new FileChooser.ExtensionFilter(
                    "Logs (*.csv, *.tsv, *.txt, *.xml, *.json, *.jsonl, *.evtx)",
                    "*.csv",
                    "*.tsv",
                    "*.txt",
                    "*.xml",
                    "*.json",
                    "*.jsonl",
                    "*.ndjson",
                    "*.evtx"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = fc.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
      }

      private FileChooser chooser(String title, Path folder) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) {
          fc.setInitialDirectory(folder.toFile());
        }
        return fc;
      }
    };
  }
}
