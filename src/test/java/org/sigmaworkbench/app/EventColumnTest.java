package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmaworkbench.logs.Event;
import org.sigmaworkbench.logs.FieldLayout;
import org.sigmaworkbench.logs.FieldSchema;

class EventColumnTest {

  private static EventColumn column(String id) {
    return EventColumn.all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static EventRow row(long record, String time, String eventId) {
    FieldSchema schema = FieldSchema.of(List.of("UtcTime", "EventID"), FieldLayout.NATIVE);
    return new EventRow(new Event("x.csv", record, schema, new String[] {time, eventId}), null);
  }

  @Test
  void numbersSortAsNumbersBeforeText() {
    List<String> values = new ArrayList<>(List.of("10", "9", "abc", "4688", "-1", "Abd", "1.5"));
    values.sort(EventColumn::natural);
    assertThat(values).containsExactly("-1", "1.5", "9", "10", "4688", "abc", "Abd");
  }

  @Test
  void timesSortAsTimesWhateverTheirForm() {
    EventRow a = row(1, "2026-11-20 09:30:00-05:00", "1"); // 14:30 UTC
    EventRow b = row(2, "2026-11-20T10:00:00Z", "1");
    EventRow c = row(3, "11/20/2026, 9:00:00 AM", "1"); // 09:00 UTC
    EventRow none = row(4, "", "1");
    List<EventRow> rows = new ArrayList<>(List.of(a, none, b, c));
    rows.sort(column("timeColumn").order());
    assertThat(rows).containsExactly(c, b, a, none);
    assertThat(column("timeColumn").text().apply(a)).isEqualTo("2026-11-20 09:30:00-05:00");
  }

  @Test
  void eventIdsAndRecordsSortAsNumbers() {
    EventRow a = row(10, "", "4688");
    EventRow b = row(9, "", "10");
    EventRow c = row(100, "", "9");
    List<EventRow> rows = new ArrayList<>(List.of(a, b, c));
    rows.sort(column("eventIdColumn").order());
    assertThat(rows).containsExactly(c, b, a);
    rows.sort(column("recordColumn").order());
    assertThat(rows).containsExactly(b, a, c);
  }

  @Test
  void theFilterFindsTheQueryInAnyTextIgnoringCase() {
    assertThat(EventColumn.matches(List.of("C:\\Windows\\PowerShell.exe", "x"), "powershell"))
        .isTrue();
    assertThat(EventColumn.matches(List.of("cmd.exe", "x"), "POWERSHELL")).isFalse();
    assertThat(EventColumn.matches(List.of("anything"), "  ")).isTrue();
  }

  @Test
  void everyColumnHasAnIdAndANameForMenusAndExports() {
    List<EventColumn> all = EventColumn.all();
    assertThat(all).extracting(EventColumn::id).doesNotHaveDuplicates();
    assertThat(all).extracting(EventColumn::header).doesNotHaveDuplicates().doesNotContain("");
    assertThat(all)
        .extracting(EventColumn::id)
        .contains("commandLineColumn", "fileColumn", "timeColumn");
  }
}
