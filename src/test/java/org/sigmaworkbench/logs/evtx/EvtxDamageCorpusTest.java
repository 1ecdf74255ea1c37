package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.LogProblem;
import org.sigmaworkbench.logs.TextFilter;

/**
 * Corpus files damaged at random (bytes changed, 512-byte blocks zeroed or filled, the file cut
 * short): reading never throws, always ends, delivers only events with fields, and says where every
 * problem is.
 */
class EvtxDamageCorpusTest {

  private static final List<String> FILES =
      List.of(
          "sysmon.evtx",
          "system.evtx",
          "ID4688-Obfuscated payload transfer via service name - Tchopper.evtx",
          "Application_no_crc32.evtx");

  @TempDir Path dir;

  /** Wants text holding "svchost" or "4624" (plain comparison): a few records of each file. */
  private static final TextFilter WANTS_A_FEW =
      new TextFilter() {
        @Override
        public boolean in(CharSequence text) {
          String t = text.toString();
          return t.contains("svchost") || t.contains("4624");
        }

        @Override
        public boolean inUtf16le(byte[] bytes, int offset, int length) {
          return in(new String(bytes, offset, length & ~1, StandardCharsets.UTF_16LE));
        }

        @Override
        public boolean couldBeMadeOf(IntPredicate allowed) {
          return "svchost".chars().allMatch(allowed) || "4624".chars().allMatch(allowed);
        }
      };

  @Test
  void damagedFilesDegradeAndNeverAbort() throws Exception {
    Path corpus = TestFiles.corpus("evtx");
    Random random = new Random(20261128);
    int damaged = 0;
    int withProblems = 0;
    for (String name : FILES) {
      byte[] original = Files.readAllBytes(corpus.resolve(name));
      int intact = count(corpus.resolve(name));
      for (int round = 0; round < 40; round++) {
        byte[] b = damage(original, random);
        Path p = dir.resolve("damaged.evtx");
        Files.write(p, b);
        List<LogProblem> problems = new ArrayList<>();
        int n = 0;
        try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 2)) {
          Event e;
          while ((e = r.next()) != null) {
            assertThat(e.schema().size()).isPositive();
            n++;
          }
          problems.addAll(r.problems());
          assertThat(r.bytesRead()).isEqualTo(b.length);
        } catch (org.sigmaworkbench.logs.LogFormatException e) {
          // Only a damaged file header makes the whole file unreadable.
          assertThat(Arrays.equals(b, 0, 8, original, 0, 8) && b.length >= 4096).isFalse();
          continue;
        }
        for (LogProblem pr : problems) {
          assertThat(pr.where())
              .matches("(chunk \\d+ at byte offset 0x[0-9a-f]+.*|file header.*|)");
          assertThat(pr.message()).isNotBlank();
        }
        assertThat(n).isLessThanOrEqualTo(intact + 200);
        // With a filter: the same problems, and events built or passed over add up to the same.
        try (EvtxEventReader r =
            new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 2, WANTS_A_FEW, 0)) {
          int built = 0;
          while (r.next() != null) {
            built++;
          }
          assertThat(built + r.passedOver()).isEqualTo(n);
          assertThat(r.problems()).isEqualTo(problems);
        }
        damaged++;
        if (!problems.isEmpty()) {
          withProblems++;
        }
      }
    }
    assertThat(damaged).isGreaterThan(100);
    assertThat(withProblems).isGreaterThan(damaged / 4);
  }

  private static int count(Path p) throws Exception {
    int n = 0;
    try (EvtxEventReader r = new EvtxEventReader(p, EvtxTestSupport.LAYOUTS, 1)) {
      while (r.next() != null) {
        n++;
      }
    }
    return n;
  }

  private static byte[] damage(byte[] original, Random random) {
    byte[] b = original.clone();
    int kind = random.nextInt(4);
    int span = b.length - 4096;
    switch (kind) {
      case 0 -> {
        for (int i = 0; i < 1 + random.nextInt(40); i++) {
          b[4096 + random.nextInt(span)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> {
        int at = 4096 + random.nextInt(span / 512) * 512;
        Arrays.fill(b, at, Math.min(b.length, at + 512), (byte) 0);
      }
      case 2 -> {
        int at = 4096 + random.nextInt(span / 512) * 512;
        Arrays.fill(b, at, Math.min(b.length, at + 512), (byte) random.nextInt(256));
      }
      default -> {
        return Arrays.copyOf(b, 4096 + random.nextInt(span));
      }
    }
    return b;
  }
}
