package org.sigmaworkbench.logs.detect;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sigmaworkbench.FuzzInputs;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.EventStream;
import org.sigmaworkbench.logs.Layouts;
import org.sigmaworkbench.logs.LogFormatException;
import org.sigmaworkbench.logs.LogKind;
import org.sigmaworkbench.logs.ReadOptions;
import org.sigmaworkbench.logs.csv.CsvEventReader;
import org.sigmaworkbench.logs.evtx.EvtxEventReader;
import org.sigmaworkbench.logs.json.JsonEventReader;
import org.sigmaworkbench.logs.xml.XmlEventReader;

/**
 * Every log reader on arbitrary bytes. A reader may refuse a file with {@link LogFormatException}
 * (the message the user sees) and must otherwise read to the end, reporting bad records as
 * problems; any other exception, or an input that takes over two seconds (.ci/fuzz), is a finding.
 * Saved inputs (the {@code LogReadersFuzzTestInputs} resources: samples and past findings) run in
 * every build; {@code .ci/fuzz} fuzzes each method.
 */
class LogReadersFuzzTest {

  /** Opens a log; throws LogFormatException when the reader refuses it. */
  private interface Opener {
    EventStream open(Path file) throws IOException, LogFormatException;
  }

  private static Path file;

  static {
    FuzzInputs.warmUp(LogReadersFuzzTest.class, bytes -> readAll(bytes, ".log", LogReaders::open));
  }

  /** One file per JVM, written again for every input. */
  private static Path write(byte[] bytes, String suffix) throws IOException {
    if (file == null) {
      Path shm = Path.of("/dev/shm");
      Path dir =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "sigmawb-fuzz-")
              : Files.createTempDirectory("sigmawb-fuzz-");
      dir.toFile().deleteOnExit();
      file = dir.resolve("input");
    }
    Path f = file.resolveSibling("input" + suffix);
    Files.write(f, bytes);
    f.toFile().deleteOnExit();
    return f;
  }

  /** Reads every event and every value in it (lazily decoded values included). */
  private static void readAll(byte[] bytes, String suffix, Opener opener) throws Exception {
    Path f = write(bytes, suffix);
    FuzzInputs.withinTwoSeconds(() -> readAll(f, opener));
  }

  private static void readAll(Path f, Opener opener) throws IOException {
    EventStream stream;
    try {
      stream = opener.open(f);
    } catch (LogFormatException e) {
      return; // refused with a message: the documented outcome for a file that is not a log
    }
    try (stream) {
      Event e;
      while ((e = stream.next()) != null) {
        e.fieldValues();
        e.toString();
      }
      stream.problems().forEach(p -> p.describe());
      stream.formatName();
    }
  }

  @FuzzTest
  void evtx(byte[] bytes) throws Exception {
    readAll(bytes, ".evtx", f -> new EvtxEventReader(f, Layouts::forWindowsEvent, 1));
  }

  @FuzzTest
  void eventXml(byte[] bytes) throws Exception {
    readAll(bytes, ".xml", XmlEventReader::new);
  }

  @FuzzTest
  void json(byte[] bytes) throws Exception {
    readAll(bytes, ".jsonl", JsonEventReader::new);
  }

  @FuzzTest
  void csv(byte[] bytes) throws Exception {
    readAll(bytes, ".csv", CsvEventReader::new);
  }

  /** The detector picks the reader, as the CLI and the window open a log. */
  @FuzzTest
  void detected(byte[] bytes) throws Exception {
    readAll(bytes, ".log", LogReaders::open);
  }

  /**
   * Each kind of log the user can choose in the window (each detector's reader and column set),
   * forced on any content.
   */
  @FuzzTest
  void asChosenKind(FuzzedDataProvider data) throws Exception {
    List<LogKind> kinds = LogReaders.kinds();
    LogKind kind = kinds.get(data.consumeInt(0, kinds.size() - 1));
    readAll(
        data.consumeRemainingAsBytes(),
        ".log",
        f -> kind == LogKind.EVTX ? LogReaders.open(f) : LogReaders.open(f, ReadOptions.as(kind)));
  }
}
