package dev.vis.provider;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that only ever calls {@code http://} endpoints: it refuses every use.
 * An {@link java.net.http.HttpClient} built without a context initialises the JDK's default one
 * (its trust store and cipher suites), a cost a run against a local server has no use for.
 */
final class NoTlsContext extends SSLContext {
  NoTlsContext() {
    super(new Refusing(), null, "none");
  }

  /** Every operation fails: TLS here would be a bug in how clients are chosen. */
  private static final class Refusing extends SSLContextSpi {
    private static IllegalStateException refused() {
      return new IllegalStateException("this HTTP client serves http:// endpoints only");
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
