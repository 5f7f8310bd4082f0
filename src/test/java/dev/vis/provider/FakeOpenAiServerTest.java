package dev.vis.provider;

import static dev.vis.provider.TestSpecs.endpoint;
import static dev.vis.provider.TestSpecs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vis.spec.ProviderType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTest {

  private static Provider provider(FakeOpenAiServer server, String key) {
    return new ProviderFactory(Map.of("OPENAI_API_KEY", key), Clock.systemUTC())
        .create(
            model("mini", "openai", "gpt-4o-mini"),
            endpoint(
                ProviderType.OPENAI, server.baseUrl(), Optional.of("OPENAI_API_KEY"), Map.of()),
            List.of());
  }

  @Test
  void answers_many_requests_in_flight_at_once_naming_its_brands() throws Exception {
    try (FakeOpenAiServer server = FakeOpenAiServer.start(List.of("Acme CRM", "Globex"));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      server.defaultReply(
          request ->
              FakeOpenAiServer.completion(
                      "About " + FakeOpenAiServer.prompt(request) + ": Acme CRM, Globex.")
                  .withDelay(Duration.ofMillis(100)));
      Provider provider = provider(server, "sk-test-1234567890");
      List<Future<ProviderAnswer>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String prompt = "question " + i;
        answers.add(threads.submit(() -> provider.call(TestSpecs.request("gpt-4o-mini", prompt))));
      }

      for (int i = 0; i < 50; i++) {
        assertThat(answers.get(i).get().text()).contains("question " + i, "Acme CRM", "Globex");
      }
      assertThat(server.requestCount()).isEqualTo(50);
      assertThat(server.requestBodies()).hasSize(50);
    }
  }

  @Test
  void answers_401_to_requests_without_the_expected_key() {
    try (FakeOpenAiServer server = FakeOpenAiServer.start().expectApiKey("sk-right-0123456789")) {
      FinalProviderException e =
          catchThrowableOfType(
              FinalProviderException.class,
              () ->
                  provider(server, "sk-wrong-0123456789")
                      .call(TestSpecs.request("gpt-4o-mini", "Hi")));

      assertThat(e.kind()).isEqualTo(FinalProviderException.Kind.AUTHENTICATION);
    }
  }

  @Test
  void lets_an_interrupted_caller_go_at_once_while_the_server_is_still_answering()
      throws Exception {
    try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
      CountDownLatch arrived = new CountDownLatch(1);
      server.defaultReply(
          request -> {
            arrived.countDown();
            return FakeOpenAiServer.completion("late").withDelay(Duration.ofSeconds(30));
          });
      Provider provider = provider(server, "sk-test-1234567890");
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      Thread caller =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      provider.call(TestSpecs.request("gpt-4o-mini", "Hi"));
                    } catch (Exception e) {
                      outcome.set(e);
                    }
                  });

      arrived.await();
      caller.interrupt();
      caller.join();

      assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }
  }
}
