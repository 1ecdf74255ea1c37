package org.sigmaworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.1.2.3/",
        "http://localhost:1234",
        "http://[::1]:9000",
        "HTTP://LOCALHOST"
      })
  void plainHttpOnLoopbackSendsNoCredential(String url) {
    Endpoint e = Endpoint.of(url);
    assertThat(e.sendsCredential()).isFalse();
    assertThat(e.base()).doesNotEndWith("/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.0.0.5",
        "http://api.loganalytics.io",
        "http://127.0.0.1.example.com",
        "http://128.0.0.1",
        "http://localhost.evil.com",
        "http://[::2]"
      })
  void plainHttpElsewhereIsRefused(String url) {
    assertThatThrownBy(() -> Endpoint.of(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing plain http")
        .hasMessageContaining("loopback");
  }

  @Test
  void httpsSendsTheCredential() {
    Endpoint e = Endpoint.of("https://api.loganalytics.io/");
    assertThat(e.sendsCredential()).isTrue();
    assertThat(e.resolve("/v1/x")).isEqualTo("https://api.loganalytics.io/v1/x");
  }

  @Test
  void otherSchemesAndNonsenseAreRefused() {
    assertThatThrownBy(() -> Endpoint.of("ftp://x")).hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> Endpoint.of("not a url")).isInstanceOf(IllegalArgumentException.class);
  }
}
