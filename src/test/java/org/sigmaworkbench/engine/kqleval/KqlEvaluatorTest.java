package org.sigmaworkbench.engine.kqleval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evaluator gives the results of Microsoft's documentation examples. */
class KqlEvaluatorTest {

  private static final KqlRow EMPTY = new KqlRow(Map.of());

  private static Object v(String expression) {
    return KqlQuery.value(expression, EMPTY);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"aBc\" == \"aBc\"                          | true",
        "\"abc\" != \"ABC\"                          | true",
        "\"abc\" =~ \"ABC\"                          | true",
        "\"FabriKam\" contains \"BRik\"              | true",
        "\"FabriKam\" contains_cs \"Kam\"            | true",
        "\"Fabrikam\" contains_cs \"kam\"            | true",
        "\"Fabrikam\" contains_cs \"Kam\"            | false",
        "\"Fabrikam\" endswith \"Kam\"               | true",
        "\"Fabrikam\" endswith_cs \"kam\"            | true",
        "\"Fabrikam\" startswith \"fab\"             | true",
        "\"Fabrikam\" startswith_cs \"fab\"          | false",
        "\"Success Audit\" contains \"audit\"        | true",
        "\"Abc\" in~ (\"123\", \"345\", \"abc\")     | true",
        "\"abc\" in (\"123\", \"345\", \"abc\")      | true",
        "\"Abc\" in (\"123\", \"345\", \"abc\")      | false",
        "tolong(\"123\") == 123                       | true",
        "\"abc\" matches regex \"b\"                  | true",
        "\"abc\" matches regex \"^b\"                 | false",
      })
  void documentedOperatorExamples(String expression, boolean expected) {
    assertThat(v(expression)).isEqualTo(expected);
  }

  @Test
  void caseInsensitiveOperatorsFoldAsciiOnlyAndToLowerDoesTheRest() {
    assertThat(v("\"ÜBER\" =~ \"über\"")).isEqualTo(false);
    assertThat(v("\"Straße\" contains \"STRASSE\"")).isEqualTo(false);
    assertThat(v("tolower(\"ÜBER\") == \"über\"")).isEqualTo(true);
    assertThat(v("\"\\u212Aelvin\" =~ \"kelvin\"")).isEqualTo(false);
  }

  @Test
  void conversionsTruncateOrGiveNull() {
    assertThat(v("toint(2.3)")).isEqualTo(2L);
    assertThat(v("tolong(\"123.9\")")).isEqualTo(123L);
    assertThat(v("tolong(\"-123.9\")")).isEqualTo(-123L);
    assertThat(v("tolong(\"abc\")")).isNull();
    assertThat(v("tolong(\"0x10\")")).isNull();
    assertThat(v("todouble(\"1.5\")")).isEqualTo(1.5);
    assertThat(v("tostring(tolong(\"abc\"))")).isEqualTo("");
  }

  @Test
  void nullsFollowThreeValuedLogic() {
    KqlRow row = new KqlRow(Map.of("val", "int"));
    assertThat(KqlQuery.value("val > 3", row)).isNull();
    assertThat(KqlQuery.value("val == 3", row)).isEqualTo(false);
    assertThat(KqlQuery.value("val != 3", row)).isEqualTo(true);
    assertThat(KqlQuery.value("not(val > 3)", row)).isNull();
    assertThat(KqlQuery.value("val > 3 or true", row)).isEqualTo(true);
    assertThat(KqlQuery.value("val > 3 and false", row)).isEqualTo(false);
    assertThat(KqlQuery.value("coalesce(val > 3, false)", row)).isEqualTo(false);
    row.set("val", "5");
    assertThat(KqlQuery.value("val > 3", row)).isEqualTo(true);
  }

  @Test
  void whereKeepsOnlyTrue() {
    KqlRow row = new KqlRow(Map.of("val", "int", "name", "string"));
    assertThat(KqlQuery.parse("T\n| where not(val > 3)").keeps(row)).isFalse();
    assertThat(KqlQuery.parse("T\n| where isempty(name) and isempty(val)").keeps(row)).isTrue();
    assertThat(KqlQuery.parse("T | where ['name'] == \"\"").keeps(row)).isTrue();
  }

  @Test
  void documentedAddressRanges() {
    assertThat(v("ipv4_is_in_range(\"192.168.1.6\", \"192.168.1.1/24\")")).isEqualTo(true);
    assertThat(v("ipv4_is_in_range(\"192.168.2.6\", \"192.168.1.1/24\")")).isEqualTo(false);
    assertThat(v("ipv4_is_in_range(\"host\", \"192.168.1.1/24\")")).isNull();
    String a = "\"a5e:f127:8a9d:146d:e102:b5d3:c755:abcd\"";
    assertThat(v("ipv6_is_in_range(" + a + ", \"a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112\")"))
        .isEqualTo(true);
    assertThat(v("ipv6_is_in_range(" + a + ", \"a5e:f127:8a9d:146d:e102:b5d3:c755:abcd\")"))
        .isEqualTo(true);
    assertThat(v("ipv6_is_in_range(" + a + ", \"0:0:0:0:0:ffff:c0a8:ac/60\")")).isEqualTo(false);
    assertThat(v("ipv6_is_in_range(\"10.0.0.1\", \"::/0\")")).isNull();
  }

  @Test
  void documentedDateParts() {
    String t = "todatetime(\"2017-10-30 01:02:03.7654321\")";
    assertThat(v("datetime_part(\"year\", " + t + ")")).isEqualTo(2017L);
    assertThat(v("datetime_part(\"month\", " + t + ")")).isEqualTo(10L);
    assertThat(v("datetime_part(\"day\", " + t + ")")).isEqualTo(30L);
    assertThat(v("datetime_part(\"hour\", " + t + ")")).isEqualTo(1L);
    assertThat(v("datetime_part(\"minute\", " + t + ")")).isEqualTo(2L);
    assertThat(v("week_of_year(todatetime(\"2020-12-31\"))")).isEqualTo(53L);
    assertThat(v("week_of_year(todatetime(\"2020-06-15\"))")).isEqualTo(25L);
    assertThat(v("week_of_year(todatetime(\"1970-01-01\"))")).isEqualTo(1L);
    assertThat(v("week_of_year(todatetime(\"2000-01-01\"))")).isEqualTo(52L);
    assertThat(v("datetime_part(\"hour\", todatetime(\"2020-01-01T10:00:00+02:00\"))"))
        .isEqualTo(8L);
    assertThat(v("datetime_part(\"hour\", todatetime(\"yesterday\"))")).isNull();
  }

  @Test
  void starSearchesEveryColumn() {
    KqlRow row = new KqlRow(Map.of("a", "string", "b", "long")).set("a", "x").set("b", "4100");
    assertThat(KqlQuery.value("* contains \"410\"", row)).isEqualTo(true);
    assertThat(KqlQuery.value("* contains \"X\"", row)).isEqualTo(true);
    assertThat(KqlQuery.value("* contains_cs \"X\"", row)).isEqualTo(false);
  }

  @Test
  void noValueIsTheEmptyStringInAStringColumnAndNullInADynamicOne() {
    // isempty(): "Returns true if the argument is an empty string or is null"; tostring(null) is
    // the empty string.
    KqlRow row = new KqlRow(Map.of("Name", "string", "EventData", "dynamic"));
    assertThat(KqlQuery.value("Name", row)).isEqualTo("");
    assertThat(KqlQuery.value("EventData.Image", row)).isNull();
    assertThat(KqlQuery.value("isempty(EventData.Image)", row)).isEqualTo(true);
    assertThat(KqlQuery.value("isnull(EventData.Image)", row)).isEqualTo(true);
    assertThat(KqlQuery.value("isempty(Name)", row)).isEqualTo(true);
    assertThat(KqlQuery.value("isnull(Name)", row)).isEqualTo(false);
    assertThat(KqlQuery.value("tostring(EventData.Image) == \"\"", row)).isEqualTo(true);
    assertThat(KqlQuery.value("tostring(EventData.Image) contains \"x\"", row)).isEqualTo(false);
    // What the guards are for: these hold on no value.
    assertThat(KqlQuery.value("Name contains \"\"", row)).isEqualTo(true);
    assertThat(KqlQuery.value("Name matches regex \"(?s)^.*$\"", row)).isEqualTo(true);
    assertThat(KqlQuery.value("* matches regex \"(?s).\"", row)).isEqualTo(false);
    row.setProperty("EventData", "Image", "C:\\x.exe").set("Name", "n");
    assertThat(KqlQuery.value("EventData.Image", row)).isEqualTo("C:\\x.exe");
    assertThat(KqlQuery.value("EventData[\"Image\"] endswith \"x.exe\"", row)).isEqualTo(true);
    assertThat(KqlQuery.value("isnotempty(EventData.Other)", row)).isEqualTo(false);
    assertThat(KqlQuery.value("* matches regex \"(?s).\"", row)).isEqualTo(true);
  }

  @Test
  void stringLiteralsKeepEscapes() {
    assertThat(v("\"a\\\"b\\\\c\\n\\u0001\"")).isEqualTo("a\"b\\c\n\u0001");
  }

  @Test
  void textOutsideTheSubsetIsRejected() {
    assertThatThrownBy(() -> KqlQuery.parse("T | project x"))
        .isInstanceOf(KqlSyntaxException.class);
    assertThatThrownBy(() -> KqlQuery.parse("T | where a == "))
        .isInstanceOf(KqlSyntaxException.class);
  }
}
