package org.sigmaworkbench.app;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Unexpected failures: written to standard error for the record, shown to the user as one line in
 * the status bar, never as a stack trace.
 */
final class ErrorReporting {
  private static volatile Consumer<String> sink = s -> {};

  private ErrorReporting() {}

  static void install(Consumer<String> statusSink) {
    sink = statusSink;
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> report(e));
  }

  static void report(Throwable e) {
    System.err.println("sigma-workbench: internal error: " + e);
    e.printStackTrace();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line =
        "Something went wrong: " + message + " (details on standard error). Your work is kept.";
    if (Platform.isFxApplicationThread()) {
      sink.accept(line);
    } else {
      Platform.runLater(() -> sink.accept(line));
    }
  }
}
