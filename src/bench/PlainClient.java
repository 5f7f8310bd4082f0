import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a call to LatencyServer costs without vis: CALLS chat completions at CONCURRENCY on platform
 * threads, through the JDK {@code HttpClient} (which SPEC §1 prescribes) or over a raw keep-alive
 * socket per thread. Prints the wall time and the latency per call, so that workload B's floor (125
 * rounds at concurrency 4) can be told apart from vis's own cost.
 *
 * <p>Launched without a build: {@code java src/bench/PlainClient.java PORT CALLS CONCURRENCY
 * jdk|raw}.
 */
public final class PlainClient {
  private static final String PATH = "/v1/chat/completions";
  private static final String BODY = "{\"model\": \"bench-1\", \"messages\": []}";

  private PlainClient() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    boolean raw = args[3].equals("raw");
    HttpClient client = HttpClient.newHttpClient();
    long[] latencies = new long[calls];
    AtomicInteger next = new AtomicInteger();
    Thread[] threads = new Thread[concurrency];
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      threads[i] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      if (raw) {
                        rawCalls(port, next, latencies);
                      } else {
                        jdkCalls(client, port, next, latencies);
                      }
                    } catch (IOException | InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  });
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    System.out.printf(
        "%s: %d calls at concurrency %d in %.2f s; per call median %.2f ms, mean %.2f ms%n",
        raw ? "raw socket" : "JDK HttpClient",
        calls,
        concurrency,
        wall,
        latencies[calls / 2] / 1e6,
        Arrays.stream(latencies).average().orElse(0) / 1e6);
  }

  private static void jdkCalls(HttpClient client, int port, AtomicInteger next, long[] latencies)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    for (int i = next.getAndIncrement(); i < latencies.length; i = next.getAndIncrement()) {
      long start = System.nanoTime();
      client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      latencies[i] = System.nanoTime() - start;
    }
  }

  private static void rawCalls(int port, AtomicInteger next, long[] latencies) throws IOException {
    byte[] request =
        ("POST "
                + PATH
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + BODY.length()
                + "\r\n\r\n"
                + BODY)
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = next.getAndIncrement(); i < latencies.length; i = next.getAndIncrement()) {
        long start = System.nanoTime();
        out.write(request);
        out.flush();
        int length = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
          if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        in.readNBytes(length);
        latencies[i] = System.nanoTime() - start;
      }
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the server closed the connection");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
