package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
  @Test
  void a_client_for_http_endpoints_only_never_sets_up_tls() {
    HttpClient plain = HttpClients.create(Map.of(), false);

    assertThat(plain.sslContext()).isInstanceOf(NoTlsContext.class);
    assertThatThrownBy(() -> plain.sslContext().createSSLEngine())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("http:// endpoints only");
  }

  @Test
  void a_client_for_https_endpoints_has_the_jdk_default_tls_context() throws Exception {
    HttpClient tls = HttpClients.create(Map.of(), true);

    assertThat(tls.sslContext()).isSameAs(SSLContext.getDefault());
  }
}
