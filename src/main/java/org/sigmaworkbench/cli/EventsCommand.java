package org.sigmaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.detect.LogReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code events}: prints events as read and mapped. */
@Command(name = "events", description = "Print the events of logs as read, with Sigma field names.")
final class EventsCommand extends CliCommand {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files.")
  List<Path> files;

  @Mixin FormatOption output;

  @Override
  public int call(PrintWriter out, PrintWriter err) throws Exception {
    JsonLines json = new JsonLines(out);
    int unreadable = 0;
    for (Path f : files) {
      try (EventStream s = LogReaders.open(f)) {
        if (output.text()) {
          err.println(f + ": " + s.formatName());
        }
        Event e;
        long count = 0;
        while ((e = s.next()) != null) {
          count++;
          Event ev = e;
          if (output.jsonl()) {
            json.object(
                g -> {
                  g.writeStringField("file", ev.file());
                  g.writeNumberField("record", ev.record());
                  VerdictJson.writeFields(g, ev);
                });
          } else {
            out.println(ev.file() + "#" + ev.record());
            for (var en : ev.fieldValues().entrySet()) {
              for (String v : en.getValue()) {
                out.println(
                    "  " + en.getKey() + ": " + v.replace("\r", "\\r").replace("\n", "\\n"));
              }
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
