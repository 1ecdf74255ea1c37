package org.sigmaworkbench.app;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.sigmaworkbench.threads.DaemonThreads;

/**
 * Live syntax highlighting in the RichTextFX way: after a pause in typing the text goes to one
 * background thread, and only a result for the text still shown is applied on the FX thread.
 */
final class Highlighting {
  private static final ExecutorService EXECUTOR =
      Executors.newSingleThreadExecutor(DaemonThreads.named("highlighting"));

  private Highlighting() {}

  /**
   * Keeps {@code area} highlighted with {@code compute}; {@code afterApply} runs after each update.
   */
  static <PS, SEG> void install(
      GenericStyledArea<PS, SEG, Collection<String>> area,
      Function<String, StyleSpans<Collection<String>>> compute,
      Consumer<String> afterApply) {
    area.multiPlainChanges()
        .successionEnds(Duration.ofMillis(120))
        .subscribe(ignore -> refresh(area, compute, afterApply));
  }

  static <PS, SEG> void refresh(
      GenericStyledArea<PS, SEG, Collection<String>> area,
      Function<String, StyleSpans<Collection<String>>> compute,
      Consumer<String> afterApply) {
    String text = area.getText();
    EXECUTOR.execute(
        () -> {
          StyleSpans<Collection<String>> spans;
          try {
            spans = compute.apply(text);
          } catch (RuntimeException e) {
            ErrorReporting.report(e);
            return;
          }
          Platform.runLater(
              () -> {
                if (area.getText().equals(text)) {
                  area.setStyleSpans(0, spans);
                  if (afterApply != null) {
                    afterApply.accept(text);
                  }
                }
              });
        });
  }
}
