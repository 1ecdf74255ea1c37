package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmaworkbench.TestFiles;
import org.sigmaworkbench.engine.CompiledRule;
import org.sigmaworkbench.engine.Hit;
import org.sigmaworkbench.engine.run.LogResult;
import org.sigmaworkbench.engine.run.OneLog;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.rule.yaml.RuleLoader;

/**
 * The headline rule over a native .evtx: a SYNTHETIC file (no public sample holds the command
 * lines; see the corpus README) with Sysmon 1 and Security 4688 events written as Windows writes
 * them, opened through {@code LogReaders} as the CLI and the app do.
 */
class EvtxHeadlineRuleTest {

  @TempDir Path dir;

  private static final String[][] EVENTS = {
    // channel, event id, image, command line
    {
      "Microsoft-Windows-Sysmon/Operational",
      "1",
      "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      "powershell -c \"Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\ABC -FilePath c:\\k.pfx\""
    },
    {
      "Microsoft-Windows-Sysmon/Operational",
      "1",
      "C:\\Windows\\System32\\certutil.exe",
      "certutil -p pw -exportPFX root 01 c:\\cert.pfx"
    },
    {
      "Security",
      "4688",
      "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      "powershell.exe Export-Certificate -Cert $c -FilePath c:\\c.cer"
    },
    {"Security", "4688", "C:\\Windows\\System32\\cmd.exe", "cmd /c echo Export-Certificate"},
  };

  private Path syntheticEvtx() throws Exception {
    int[] sysmonDef = new int[1];
    int[] securityDef = new int[1];
    EvtxWriter w =
        new EvtxWriter()
            .chunk(
                c -> {
                  for (int i = 0; i < EVENTS.length; i++) {
                    String[] e = EVENTS[i];
                    boolean sysmon = e[0].contains("Sysmon");
                    int[] def = sysmon ? sysmonDef : securityDef;
                    String imageField = sysmon ? "Image" : "NewProcessName";
                    EvtxWriter.Value[] v = {
                      EvtxWriter.Value.le(ValueType.UINT16, Integer.parseInt(e[1]), 2),
                      EvtxWriter.Value.string(e[0]),
                      EvtxWriter.Value.string(e[2]),
                      EvtxWriter.Value.string(e[3])
                    };
                    c.record(
                        100 + i,
                        r -> {
                          r.fragmentHeader();
                          if (def[0] == 0) {
                            r.templateInstance(
                                def,
                                t -> {
                                  t.open("Event", false).closeStart();
                                  t.open("System", false).closeStart();
                                  t.substElement("EventID", 0, ValueType.UINT16, true);
                                  t.substElement("Channel", 1, ValueType.STRING, true);
                                  t.end();
                                  t.open("EventData", false).closeStart();
                                  t.open("Data", true)
                                      .attribute("Name", false)
                                      .text(imageField)
                                      .closeStart()
                                      .subst(2, ValueType.STRING, false)
                                      .end();
                                  t.open("Data", true)
                                      .attribute("Name", false)
                                      .text("CommandLine")
                                      .closeStart()
                                      .subst(3, ValueType.STRING, false)
                                      .end();
                                  t.end().end();
                                },
                                v);
                          } else {
                            r.templateInstance(def[0], v);
                          }
                          r.eof();
                        });
                  }
                });
    Path p = dir.resolve("synthetic-headline.evtx");
    Files.write(p, w.bytes());
    return p;
  }

  @Test
  void theHeadlineRuleHitsSysmonAndSecurityProcessCreationInAnEvtx() throws Exception {
    CompiledRule rule =
        CompiledRule.compile(
            new RuleLoader().load(TestFiles.HEADLINE_RULE).firstRule().orElseThrow());
    List<Event> hits = new ArrayList<>();
    LogResult result =
        OneLog.run(
            syntheticEvtx(),
            List.of(rule),
            (event, h) -> {
              for (Hit hit : h) {
                hits.add(hit.event());
              }
            });
    assertThat(result.error()).isNull();
    assertThat(result.events()).isEqualTo(4);
    assertThat(result.problems()).isEmpty();
    assertThat(hits).extracting(e -> e.get("EventID")).containsExactly("1", "4688");
    assertThat(hits.get(1).get("Image")).endsWith("powershell.exe");
    assertThat(hits.get(1).fields()).containsKey("Image").doesNotContainKey("NewProcessName");
  }
}
