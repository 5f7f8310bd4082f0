package dev.vis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vis.provider.FakeHttpServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeHttpServerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> get(FakeHttpServer server, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void sends_scripted_replies_before_the_default_and_records_every_request() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.start(r -> Reply.json(200, "{\"n\":0}"))) {
      server.enqueue(Reply.json(503, "{}").withHeader("retry-after", "2"));

      HttpResponse<String> first = get(server, "/a?x=1");
      HttpResponse<String> second = get(server, "/b");

      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.headers().firstValue("retry-after")).hasValue("2");
      assertThat(second.body()).isEqualTo("{\"n\":0}");
      assertThat(server.requests())
          .extracting(FakeHttpServer.Received::path)
          .containsExactly("/a", "/b");
      assertThat(server.requests().get(0).query()).isEqualTo("x=1");
    }
  }

  @Test
  void a_gate_answers_without_consuming_the_queue() throws Exception {
    try (FakeHttpServer server = FakeHttpServer.start(r -> Reply.json(200, "{}"))) {
      server.gate(
          r -> r.path().equals("/ok") ? Optional.empty() : Optional.of(Reply.json(404, "{}")));
      server.enqueue(Reply.json(201, "{}"));

      assertThat(get(server, "/wrong").statusCode()).isEqualTo(404);
      assertThat(get(server, "/ok").statusCode()).isEqualTo(201);
    }
  }

  @Test
  void a_reset_reply_closes_the_connection_without_a_response() {
    try (FakeHttpServer server = FakeHttpServer.start(r -> Reply.reset())) {
      assertThatThrownBy(() -> get(server, "/x")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void a_truncated_reply_breaks_off_half_way_through_the_body() {
    try (FakeHttpServer server =
        FakeHttpServer.start(r -> Reply.truncated("{\"choices\": [\"a long enough body\"]}"))) {
      assertThatThrownBy(() -> get(server, "/x")).isInstanceOf(IOException.class);
    }
  }
}
