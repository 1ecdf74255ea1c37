package org.sigmaworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sigmaworkbench.rule.Predicate.CompareOp;

/** Addresses, numbers and times are read as the KQL conversions read them, and no other way. */
class ValueParsingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.1.2.3        | 10.1.2.3",
        "010.001.2.3     | 10.1.2.3",
        "255.255.255.255 | 255.255.255.255",
        "256.1.1.1       | -",
        "1.2.3           | -",
        "1.2.3.4.5       | -",
        "' 1.2.3.4'      | -",
        "1.2.3.4/8       | -",
        "::ffff:1.2.3.4  | -",
      })
  void ipv4(String text, String expected) throws Exception {
    byte[] b = IpAddresses.parseV4(text);
    if (expected.equals("-")) {
      assertThat(b).isNull();
    } else {
      assertThat(b).isEqualTo(java.net.InetAddress.getByName(expected).getAddress());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "::                       | 0:0:0:0:0:0:0:0",
        "::1                      | 0:0:0:0:0:0:0:1",
        "fe80::1                  | fe80:0:0:0:0:0:0:1",
        "FE80::A:1                | fe80:0:0:0:0:0:a:1",
        "1:2:3:4:5:6:7:8          | 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::          | 1:2:3:4:5:6:7:0",
        "::ffff:10.1.2.3          | 0:0:0:0:0:ffff:a01:203",
        "1:2:3:4:5:6:10.1.2.3     | 1:2:3:4:5:6:a01:203",
        "1::2::3                  | -",
        "1:2:3:4:5:6:7:8:9        | -",
        "00001::                  | -",
        "fe80::1%eth0             | -",
        "[::1]                    | -",
        "1:2                      | -",
        "1::2:                    | -",
        ":1::                     | -",
        "10.1.2.3                 | -",
      })
  void ipv6(String text, String expected) {
    byte[] b = IpAddresses.parseV6(text);
    if (expected.equals("-")) {
      assertThat(b).isNull();
      return;
    }
    String[] groups = expected.split(":");
    byte[] full = new byte[16];
    for (int g = 0; g < 8; g++) {
      int v = Integer.parseInt(groups[g], 16);
      full[2 * g] = (byte) (v >>> 8);
      full[2 * g + 1] = (byte) v;
    }
    assertThat(b).isEqualTo(full);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "42        | 42",
        "' 42 '    | 42",
        "+42       | 42",
        "-4.5      | -4",
        "4688.9    | 4688",
        "1e3       | 1000",
        ".5        | 0",
        "5.        | 5",
        "0x10      | -",
        "1,000     | -",
        "NaN       | -",
        "abc       | -",
        "''        | -",
        "99999999999999999999 | -",
      })
  void tolongTruncatesAndRefusesWhatIsNotANumber(String text, String expected) {
    BigDecimal n = KqlNumbers.toLong(text);
    if (expected.equals("-")) {
      assertThat(n).isNull();
    } else {
      assertThat(n).isEqualByComparingTo(expected);
    }
  }

  @Test
  void fractionsCompareAsRealsWhereNegativeZeroEqualsZero() {
    // Both sides underflow to a real zero, one of them negative; KQL's == holds for them.
    NumberTest equalsTiny = NumberTest.of(CompareOp.EQ, new BigDecimal("1e-400"));
    assertThat(equalsTiny.test("-1e-400")).isTrue();
    assertThat(equalsTiny.test("0.0")).isTrue();
    assertThat(NumberTest.of(CompareOp.LT, new BigDecimal("1e-400")).test("-1e-400")).isFalse();
    NumberTest overHalf = NumberTest.of(CompareOp.GT, new BigDecimal("0.5"));
    assertThat(overHalf.test("0.75")).isTrue();
    assertThat(overHalf.test("0.5")).isFalse();
    assertThat(overHalf.test("not a number")).isFalse();
  }

  @Test
  void timesAreIsoAndUtc() {
    assertThat(Timestamps.parse("2026-11-20 09:00:13.100").getHour()).isEqualTo(9);
    assertThat(Timestamps.parse("2026-11-20T09:00:13+02:00").getHour()).isEqualTo(7);
    assertThat(Timestamps.parse("2026-11-20T09:00:13Z").getHour()).isEqualTo(9);
    assertThat(Timestamps.parse("2026-11-20").getHour()).isZero();
    assertThat(Timestamps.parse("20 Nov 2026")).isNull();
    assertThat(Timestamps.parse("2026-13-01")).isNull();
  }
}
