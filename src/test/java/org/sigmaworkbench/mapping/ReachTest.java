package org.sigmaworkbench.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.rule.LogSource;

/** The reach of a query from the target data alone, without writing KQL. */
class ReachTest {

  private static final Target TARGET =
      TargetCatalog.parse(
          "name: r\n"
              + "title: Reach (test)\n"
              + "tables:\n"
              + "  - name: Sec\n"
              + "    reads: {channels: [Security], exports: [SecurityExport]}\n"
              + "    logsources:\n"
              + "      - {category: process_creation, filter: {EventID: 4688}}\n"
              + "    fields: {EventID: EventID, Level: {column: Lvl, values: {high: ['3', '4']}}}\n"
              + "    columns: {EventID: int, Lvl: string}\n",
          "r.yaml");

  private static final LogSource PROCESS = new LogSource("process_creation", "windows", null, null);

  /** A written query reading what the target's home of process creation is. */
  private static Reach.Query written(boolean ok) {
    List<Target.Branch> reads = TARGET.homeOf(PROCESS).branches();
    return new Reach.Query() {
      @Override
      public boolean ok() {
        return ok;
      }

      @Override
      public List<Target.Branch> reads() {
        return reads;
      }
    };
  }

  private static Reach.Origin event(String export, String channel, Map<String, String> fields) {
    return new Reach.Origin(export, channel, fields::get);
  }

  @Test
  void aRowOfTheTableThatPassesItsFilterIsReached() {
    assertThat(
            Reach.outside(
                TARGET, written(true), event(null, "security", Map.of("EventID", "4688"))))
        .isNull();
    assertThat(
            Reach.outside(
                TARGET, written(true), event(null, "Security", Map.of("EventID", " 4688.0"))))
        .as("numbers compare as numbers only when both are whole numbers")
        .isNotNull();
  }

  @Test
  void anotherEventIdOrChannelIsOutsideWithTheReason() {
    assertThat(
            Reach.outside(
                TARGET, written(true), event(null, "Security", Map.of("EventID", "4624"))))
        .isEqualTo(
            "the Reach query reads Sec (Security: EventID 4688); this is a Security event 4624");
    assertThat(Reach.outside(TARGET, written(true), event(null, "System", Map.of())))
        .isEqualTo("the Reach query reads Sec (Security: EventID 4688); this is a System event");
  }

  @Test
  void exportsAreReadByTheTableOrTheTablesThatListThem() {
    assertThat(Reach.outside(TARGET, written(true), event("sec", null, Map.of()))).isNull();
    assertThat(Reach.outside(TARGET, written(true), event("SecurityExport", null, Map.of())))
        .isNull();
    assertThat(Reach.outside(TARGET, written(true), event("Other", null, Map.of())))
        .isEqualTo("an export of Other, which the Reach query does not read (it reads Sec)");
  }

  @Test
  void aQueryNotWrittenReachesNothing() {
    assertThat(Reach.outside(TARGET, written(false), event(null, null, Map.of())))
        .isEqualTo("there is no Reach query for the rule");
  }

  @Test
  void columnValuesAreReadForwardsThroughValueRewrites() {
    Target.Table sec = TARGET.tables().get(0);
    assertThat(Reach.rowValues(sec, "Lvl", event(null, null, Map.of("Level", "High"))))
        .containsExactly("3", "4");
    assertThat(Reach.rowValues(sec, "Lvl", event(null, null, Map.of()))).isNull();
  }
}
