package org.sigmaworkbench.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Keys and values added past the first capacity stay paired, in the order added. */
class KeyedStringsTest {

  @Test
  void intKeyedStringsKeepTheirPairsWhenTheyGrow() {
    IntKeyedStrings s = new IntKeyedStrings(2);
    for (int k = 0; k < 40; k++) {
      s.add(1000 + k, "v" + k);
    }
    assertThat(s.keys()).hasSize(40).startsWith(1000, 1001).endsWith(1039);
    assertThat(s.values()).hasSize(40).startsWith("v0", "v1").endsWith("v39");
    assertThat(s.value(s.indexOf(1037))).isEqualTo("v37");
    assertThat(s.indexOf(999)).isEqualTo(-1);

    s.clear();
    assertThat(s.keys()).isEmpty();
    s.add(7, "seven");
    assertThat(s.value(s.indexOf(7))).isEqualTo("seven");
  }

  @Test
  void anEventOfManyFieldsKeepsEachNameWithItsValue() {
    FieldCollector f = new FieldCollector();
    f.reset();
    f.start("Event");
    f.start("System");
    f.start("Version");
    f.text("5");
    f.end("Version");
    f.end("System");
    f.start("EventData");
    for (int i = 0; i < 70; i++) {
      f.start("Data");
      f.attribute("Data", "Name", "Data_Name", "Field" + i);
      f.text("value " + i);
      f.end("Data");
    }
    f.start("Data");
    f.attribute("Data", "Name", "Data_Name", "Version");
    f.text("2");
    f.end("Data");
    f.end("EventData");
    f.end("Event");

    assertThat(f.count).isEqualTo(71);
    String[] names = Arrays.copyOf(f.names, f.count);
    String[] values = Arrays.copyOf(f.values, f.count);
    assertThat(names[0]).isEqualTo("Version");
    assertThat(values[0]).isEqualTo("2");
    assertThat(f.systemValue(0)).isEqualTo("5");
    for (int i = 0; i < 70; i++) {
      assertThat(names[i + 1]).isEqualTo("Field" + i);
      assertThat(values[i + 1]).isEqualTo("value " + i);
    }
  }
}
