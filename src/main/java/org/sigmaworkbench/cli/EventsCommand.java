package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.LogReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code events}: prints events as read and mapped. */
@Command(
    name = "events",
    description = "Print the events of logs as read, with Sigma field names.",
    mixinStandardHelpOptions = true)
final class EventsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text or jsonl.")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonLines json = new JsonLines(out);
    int unreadable = 0;
    for (Path f : files) {
      try (EventStream s = LogReaders.open(f)) {
        if (format == OutputFormat.text) {
          err.println(f + ": " + s.formatName());
        }
        Event e;
        long count = 0;
        while ((e = s.next()) != null) {
          count++;
          Event ev = e;
          if (format == OutputFormat.jsonl) {
            json.object(
                g -> {
                  g.writeStringField("file", ev.file());
                  g.writeNumberField("record", ev.record());
                  g.writeObjectFieldStart("fields");
                  for (var en : ev.fields().entrySet()) {
                    g.writeStringField(en.getKey(), en.getValue());
                  }
                  g.writeEndObject();
                });
          } else {
            out.println(ev.file() + "#" + ev.record());
            for (var en : ev.fields().entrySet()) {
              out.println(
                  "  "
                      + en.getKey()
                      + ": "
                      + en.getValue().replace("\r", "\\r").replace("\n", "\\n"));
            }
          }
        }
        boolean any = false;
        for (LogProblem p : s.problems()) {
          boolean fatalEmpty = p.fatal() && !any && count == 0;
          err.println((fatalEmpty ? "error: " : "warning: ") + p.describe());
          if (fatalEmpty) {
            unreadable++;
            any = true;
          }
        }
      } catch (LogFormatException ex) {
        unreadable++;
        err.println("error: " + ex.getMessage());
      }
    }
    return unreadable > 0 ? 1 : 0;
  }
}
