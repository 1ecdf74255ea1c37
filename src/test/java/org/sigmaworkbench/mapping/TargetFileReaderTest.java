package org.sigmaworkbench.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetFileReaderTest {

  private static Target read(String yaml) {
    return TargetFileReader.read(yaml, "t.yaml");
  }

  private static final String TABLE =
      "name: t\ntables:\n  - name: T\n    logsources:\n      - {category: process_creation}\n";

  @Test
  void everyFieldMappingFormIsRead() {
    Target t =
        read(
            TABLE
                + "    fields:\n"
                + "      A: Col\n"
                + "      B: [Col, Other]\n"
                + "      C: {path: [Col, Other], prefixes: {'HKLM\\': ['X\\', 'Y\\']}}\n"
                + "      D: {column: Col, values: {a: b}}\n"
                + "      E: {file_name: Col}\n"
                + "      F: {hashes: {md5: Col}}\n"
                + "      G: {domain: Col, name: Other}\n"
                + "    columns: {Col: string, Other: string}\n");
    Target.Table table = t.tables().get(0);
    assertThat(t.timeColumn()).isEqualTo("TimeGenerated");
    assertThat(table.fields()).containsOnlyKeys("A", "B");
    assertThat(table.mappingFor("c")).get().isInstanceOf(FieldMapping.Value.class);
    assertThat(((FieldMapping.Value) table.mappingFor("C").orElseThrow()).rewrite())
        .isEqualTo(
            new FieldMapping.Rewrite.Prefixes(
                java.util.List.of(
                    new FieldMapping.Prefix("HKLM\\", java.util.List.of("X\\", "Y\\")))));
    assertThat(table.mappingFor("F").orElseThrow())
        .isEqualTo(new FieldMapping.HashList(java.util.Map.of("MD5", "Col")));
    assertThat(table.mappingFor("Nope")).isEmpty();
  }

  @Test
  void mistakesNameTheFileLineAndColumn() {
    assertThatThrownBy(() -> read(TABLE + "    feilds: {}\n"))
        .hasMessageStartingWith("t.yaml:6:13: unknown key 'feilds' in a table");
    assertThatThrownBy(() -> read(TABLE + "    fields: {A: Nope}\n    columns: {Col: string}\n"))
        .hasMessage("t.yaml:6:17: table T has no column 'Nope'");
    assertThatThrownBy(() -> read(TABLE + "    columns: {Col: text}\n"))
        .hasMessageContaining("t.yaml:6:20: unknown Kusto type 'text'");
    assertThatThrownBy(() -> read(TABLE + "    fields: {A: Col.x}\n    columns: {Col: string}\n"))
        .hasMessageContaining("reads a property of Col, which is not dynamic");
    assertThatThrownBy(() -> read("name: t\ntables: []\n"))
        .hasMessageContaining("at least one table");
    assertThatThrownBy(() -> read("name: [\n"))
        .hasMessageStartingWith("t.yaml:2:1: not valid YAML");
    assertThatThrownBy(
            () ->
                read("name: t\ntables:\n  - name: T\n    logsources:\n      - {filter: {A: 1}}\n"))
        .hasMessageContaining("needs a category, a product or a service");
  }

  @Test
  void theBuiltInTargetsLoad() {
    for (Target t : TargetCatalog.all()) {
      assertThat(t.tables()).isNotEmpty();
      for (Target.Table table : t.tables()) {
        assertThat(table.columns()).as(table.name()).isNotEmpty();
      }
    }
    assertThat(TargetCatalog.get("microsoft_xdr").timeColumn()).isEqualTo("Timestamp");
  }

  @Test
  void readsAndUnionAreReadWithATargetDefault() {
    Target t =
        read(
            "name: t\nreads: {channels: ['*']}\ntables:\n"
                + "  - name: A\n    reads: {channels: [Security], exports: [X]}\n"
                + "    logsources:\n      - {category: process_creation, union: true}\n"
                + "  - name: B\n    logsources:\n      - {category: process_creation}\n");
    assertThat(t.tables().get(0).reads())
        .isEqualTo(new Target.Reads(java.util.List.of("Security"), java.util.List.of("X")));
    assertThat(t.tables().get(0).sources().get(0).union()).isTrue();
    assertThat(t.tables().get(1).reads().readsChannel("System")).isTrue();
    assertThat(t.tables().get(1).sources().get(0).union()).isFalse();
    assertThat(t.homeOf(t.tables().get(0).sources().get(0).logsource()).branches())
        .extracting(b -> b.table().name())
        .containsExactly("A");
    assertThatThrownBy(
            () ->
                read(TABLE.replace("    logsources:", "    reads: {tables: [x]}\n    logsources:")))
        .hasMessageContaining("t.yaml:4:")
        .hasMessageContaining("unknown key 'tables' in reads");
    assertThatThrownBy(
            () ->
                read(
                    TABLE.replace(
                        "{category: process_creation}",
                        "{category: process_creation, union: maybe}")))
        .hasMessageContaining("expected true or false");
  }
}
