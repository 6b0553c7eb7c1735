package dev.cfauditlogs;

import static dev.cfauditlogs.ContractServer.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Base URL rules, timeouts, limits and closing. */
class ClientSettingsTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.cloudflare.com/client/v4",
        "https://api.cloudflare.com/client/v4/",
        "http://127.0.0.1:8080/client/v4",
        "http://127.9.8.7/client/v4",
        "http://localhost:1/client/v4",
        "http://LOCALHOST/client/v4",
        "http://[::1]:8080/client/v4"
      })
  void secureOrLoopbackBaseUrlsAreAccepted(String url) {
    AuditLogsClient.builder().apiToken(TOKEN).baseUrl(url).build().close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.cloudflare.com/client/v4",
        "http://10.0.0.1/client/v4",
        "http://128.0.0.1/client/v4",
        "http://localhost.example.com/client/v4",
        "http://[::2]/client/v4"
      })
  void plainHttpToOtherHostsIsRefusedUnlessAllowed(String url) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> AuditLogsClient.builder().apiToken(TOKEN).baseUrl(url).build());
    assertEquals("baseUrl", e.parameter());
    assertTrue(e.getMessage().contains("http"), e.getMessage());
    // names the knob that allows it, as a library user writes it
    assertTrue(
        e.getMessage().contains("AuditLogsClient.Builder.allowInsecureHttp(true)"), e.getMessage());
    AuditLogsClient.builder().apiToken(TOKEN).baseUrl(url).allowInsecureHttp(true).build().close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://api.cloudflare.com/client/v4",
        "api.cloudflare.com/client/v4",
        "https://api.cloudflare.com/client/v4?x=1",
        "https://api.cloudflare.com/client/v4#frag",
        ""
      })
  void malformedBaseUrlsAreRefused(String url) {
    assertThrows(
        InvalidRequestException.class,
        () -> AuditLogsClient.builder().apiToken(TOKEN).baseUrl(url).build());
  }

  @Test
  void credentialsInTheBaseUrlAreRefusedWithoutEchoingThem() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AuditLogsClient.builder()
                    .apiToken(TOKEN)
                    .baseUrl("https://user:SECRET-PASSWORD-123@api.cloudflare.com/client/v4")
                    .build());
    assertFalse(e.getMessage().contains("SECRET-PASSWORD-123"), e.getMessage());
  }

  @Test
  void limitsAreValidated() {
    assertEquals(
        "maxRetries",
        assertThrows(
                InvalidRequestException.class,
                () -> AuditLogsClient.builder().apiToken(TOKEN).maxRetries(-1).build())
            .parameter());
    assertEquals(
        "timeout",
        assertThrows(
                InvalidRequestException.class,
                () -> AuditLogsClient.builder().apiToken(TOKEN).timeout(Duration.ZERO).build())
            .parameter());
  }

  @Test
  void anAttemptSlowerThanTheTimeoutFailsAsTimeoutSayingHowManyAndWhatToTry() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .headersDelay(3, TimeUnit.SECONDS)
              .body(Fixtures.read("seed-response.json"))
              .build());
    }
    try (AuditLogsClient client =
        server.client().timeout(Duration.ofMillis(300)).maxRetries(1).sleeper(d -> {}).build()) {
      AttemptTimeoutException e =
          assertThrows(
              AttemptTimeoutException.class,
              () -> client.list(AuditLogQuery.builder().perPage(1000).build()));
      String m = e.getMessage();
      // no response arrived: not an HTTP-response failure, so it has no status to mistake for 408
      assertFalse(HttpResponseException.class.isInstance(e));
      assertTrue(m.contains("timed out"), m);
      assertTrue(m.contains("Gave up after 2 attempts (2 timed out"), m);
      assertTrue(m.contains("the timeout is 300 ms per attempt"), m);
      assertTrue(m.contains("per_page, 1000 here"), m);
      assertTrue(m.contains("more time per attempt (timeout)"), m);
      assertEquals(2, e.attempts());
      assertEquals(Duration.ofMillis(300), e.timeoutPerAttempt());
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aConnectionFailureSaysHowManyAttemptsWereMade() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .onRequestStart(new mockwebserver3.SocketEffect.CloseSocket())
              .build());
    }
    try (AuditLogsClient client = server.client().maxRetries(2).sleeper(d -> {}).build()) {
      ConnectionException e =
          assertThrows(ConnectionException.class, () -> client.list(AuditLogQuery.all()));
      assertTrue(e.getMessage().contains("Gave up after 3 attempts."), e.getMessage());
      assertFalse(e.getMessage().contains("per_page"), e.getMessage());
    }
  }

  @Test
  void closeReleasesWhatTheClientCreated() {
    AuditLogsClient client =
        AuditLogsClient.builder().baseUrl(server.baseUrl()).apiToken(TOKEN).build();
    assertFalse(client.http().dispatcher().executorService().isShutdown());
    client.close();
    client.close(); // idempotent
    assertTrue(client.http().dispatcher().executorService().isShutdown());
    assertThrows(IllegalStateException.class, () -> client.list(AuditLogQuery.all()));
  }

  @Test
  void closeLeavesACallersOkHttpClientAlone() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try {
      server.enqueueJson(200, Fixtures.read("seed-response.json"));
      AuditLogsClient client =
          AuditLogsClient.builder()
              .baseUrl(server.baseUrl())
              .apiToken(TOKEN)
              .okHttpClient(shared)
              .build();
      client.list(AuditLogQuery.all());
      client.close();
      assertFalse(shared.dispatcher().executorService().isShutdown());
      server.enqueueJson(200, Fixtures.read("seed-response.json"));
      try (AuditLogsClient again =
          AuditLogsClient.builder()
              .baseUrl(server.baseUrl())
              .apiToken(TOKEN)
              .okHttpClient(shared)
              .build()) {
        assertEquals(1, again.list(AuditLogQuery.all()).records().size());
      }
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void redirectsAreNotFollowedSoCredentialsStayPut() {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "http://127.0.0.2:9/steal")
            .build());
    try (AuditLogsClient client = server.client().build()) {
      UnexpectedStatusException e =
          assertThrows(UnexpectedStatusException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(302, e.statusCode());
    }
    assertEquals(1, server.requestCount());
  }

  @Test
  void aClientKeepsItsSettingsWhateverHappensToTheBuilderAndItsVariants() {
    for (int i = 0; i < 3; i++) {
      server.enqueueJson(200, Fixtures.read("seed-response.json"));
    }
    AuditLogsClient.Builder builder = server.client().maxRetries(1);
    try (AuditLogsClient client = builder.build()) {
      builder.apiToken("FAKE-TOKEN-changed-after-build-0003").maxRetries(7);
      client.list(AuditLogQuery.all());
      assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));

      AuditLogsClient.Builder variant = client.toBuilder();
      variant.apiToken("FAKE-TOKEN-variant-0004");
      try (AuditLogsClient other = variant.build()) {
        other.list(AuditLogQuery.all());
        assertEquals(
            "Bearer FAKE-TOKEN-variant-0004",
            server.takeRequest().getHeaders().get("Authorization"));
        assertTrue(other.toString().contains("maxRetries=1"), other.toString());
      }
      client.list(AuditLogQuery.all());
      assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"));
      assertTrue(client.toString().contains("maxRetries=1"), client.toString());
    }
  }
}
