package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.VisException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvProxySelectorTest {
  private static Proxy proxyFor(Map<String, String> env, String url) {
    return new EnvProxySelector(env).select(URI.create(url)).getFirst();
  }

  @Nested
  class Choosing {
    @Test
    void goes_direct_without_proxy_variables() {
      assertThat(proxyFor(Map.of(), "https://api.openai.com/v1")).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void sends_https_through_https_proxy() {
      Proxy proxy =
          proxyFor(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), "https://api.openai.com/v1");

      assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
      InetSocketAddress address = (InetSocketAddress) proxy.address();
      assertThat(address.getHostString()).isEqualTo("proxy.corp");
      assertThat(address.getPort()).isEqualTo(3128);
    }

    @Test
    void reads_the_lower_case_spelling_first() {
      Proxy proxy =
          proxyFor(
              Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"),
              "https://api.openai.com");

      assertThat(((InetSocketAddress) proxy.address()).getHostString()).isEqualTo("lower");
    }

    @Test
    void accepts_a_proxy_without_a_scheme() {
      Proxy proxy = proxyFor(Map.of("HTTPS_PROXY", "proxy.corp:8080"), "https://api.openai.com");

      assertThat(((InetSocketAddress) proxy.address()).getPort()).isEqualTo(8080);
    }

    @Test
    void keeps_loopback_direct() {
      Map<String, String> env = Map.of("HTTPS_PROXY", "http://p:1", "HTTP_PROXY", "http://p:1");
      assertThat(proxyFor(env, "http://127.0.0.1:11434/v1")).isEqualTo(Proxy.NO_PROXY);
      assertThat(proxyFor(env, "http://localhost:8000/v1")).isEqualTo(Proxy.NO_PROXY);
      assertThat(proxyFor(env, "http://[::1]:8000/v1")).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void refuses_a_proxy_value_it_cannot_read_without_showing_it() {
      assertThatThrownBy(
              () -> new EnvProxySelector(Map.of("HTTPS_PROXY", "http://user:s3cret@[bad")))
          .isInstanceOf(VisException.class)
          .hasMessageContaining("HTTPS_PROXY")
          .hasMessageNotContaining("s3cret");
    }
  }

  @Nested
  class NoProxy {
    private final Map<String, String> env =
        Map.of(
            "HTTPS_PROXY", "http://proxy:3128",
            "NO_PROXY", "internal.corp, .example.org,*.svc, 10.0.0.0/8,api.local:8443");

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://internal.corp/v1", // a listed host
          "https://llm.internal.corp/v1", // and its subdomains
          "https://a.example.org", // an entry with a leading dot
          "https://example.org",
          "https://vllm.svc", // an entry with a leading star
          "https://10.1.2.3/v1", // an address in a CIDR block
          "https://api.local:8443/v1" // the port an entry names
        })
    void bypasses_listed_hosts_their_subdomains_cidr_blocks_and_ports(String url) {
      assertThat(proxyFor(env, url)).isEqualTo(Proxy.NO_PROXY);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://notinternal.corp", // only ends with the letters of an entry
          "https://api.openai.com",
          "https://11.1.2.3/v1", // outside the CIDR block
          "https://api.local/v1" // not on the port the entry names
        })
    void sends_every_other_host_through_the_proxy(String url) {
      assertThat(proxyFor(env, url)).isNotEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void bypasses_everything_for_a_star() {
      assertThat(
              proxyFor(
                  Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*"), "https://api.openai.com"))
          .isEqualTo(Proxy.NO_PROXY);
    }
  }
}
