package org.sigmaworkbench.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSchemaRepeatsTest {

  @Test
  void aNameThatFillsSeveralSlotsLeadsFromEachToTheNext() {
    FieldSchema s =
        new FieldSchema(List.of("EventID", "Data", "Binary", "Data", "Data"), FieldLayout.NATIVE);
    assertThat(s.hasRepeatedNames()).isTrue();
    assertThat(s.slotOf("Data")).isEqualTo(1);
    assertThat(s.nextOfSameName(1)).isEqualTo(3);
    assertThat(s.nextOfSameName(3)).isEqualTo(4);
    assertThat(s.nextOfSameName(4)).isEqualTo(-1);
    assertThat(s.nextOfSameName(0)).isEqualTo(-1);
    assertThat(s.nextOfSameName(-1)).isEqualTo(-1);
    assertThat(s.occurrence(4)).isEqualTo(2);
    assertThat(s.occurrence(2)).isZero();
    assertThat(s.columnSlot("Data", 1)).isEqualTo(3);
    assertThat(s.columnSlot("Data", 3)).isEqualTo(-1);

    Event e = new Event("f", 1, s, new String[] {"1", "a", "00", null, "c"});
    assertThat(e.values(1)).containsExactly("a", "c");
    assertThat(e.fieldValues().get("Data")).containsExactly("a", "c");
    assertThat(e.fields()).containsEntry("Data", "a");
  }

  @Test
  void aSchemaWithoutRepeatsHasNoNextSlots() {
    FieldSchema s = new FieldSchema(List.of("A", "B"), FieldLayout.NATIVE);
    assertThat(s.hasRepeatedNames()).isFalse();
    assertThat(s.nextOfSameName(0)).isEqualTo(-1);
    assertThat(s.occurrence(1)).isZero();
    Event e = new Event("f", 1, s, new String[] {"x", null});
    assertThat(e.values(0)).containsExactly("x");
    assertThat(e.values(1)).isEmpty();
  }
}
