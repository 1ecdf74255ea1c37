package org.sigmaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemesTest {

  @Test
  void thePropertyChoosesTheThemeFirst() {
    assertThat(Themes.startsDark("dark", Map.of())).isTrue();
    assertThat(Themes.startsDark("DARK ", Map.of())).isTrue();
    assertThat(Themes.startsDark("light", Map.of("GTK_THEME", "Adwaita:dark"))).isFalse();
  }

  @Test
  void withoutThePropertyADarkGtkThemeStartsDark() {
    assertThat(Themes.startsDark(null, Map.of("GTK_THEME", "Adwaita:dark"))).isTrue();
    assertThat(Themes.startsDark("", Map.of("GTK_THEME", "Yaru-dark"))).isTrue();
    assertThat(Themes.startsDark(null, Map.of("GTK_THEME", "Adwaita"))).isFalse();
    assertThat(Themes.startsDark(null, Map.of())).isFalse();
  }
}
