package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is retried, how long it waits, and when it gives up. No test sleeps for real. */
class RetryTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  private final FakeTime time = new FakeTime(Instant.parse("2026-01-31T10:00:00Z"));
  private final List<Duration> waits = time.sleeps;

  private AuditLogsClient client(int maxRetries) {
    return server
        .client()
        .maxRetries(maxRetries)
        .sleeper(time)
        .random(() -> 0.0)
        .clock(time)
        .build();
  }

  private void enqueueOk() {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
  void retryableStatusesAreRetried(int status) {
    server.enqueueJson(status, Fixtures.read("error-500.json"));
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      AuditLogPage page = client.list(AuditLogQuery.all());
      assertEquals(2, page.response().attempts());
    }
    assertEquals(2, server.requestCount());
    assertEquals(1, waits.size());
    assertTrue(waits.get(0).compareTo(Duration.ZERO) > 0, "never retried instantly");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 422})
  void otherClientErrorsAreNotRetried(int status) {
    server.enqueueJson(status, Fixtures.read("error-400.json"));
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      assertThrows(AuditLogsException.class, () -> client.list(AuditLogQuery.all()));
    }
    assertEquals(1, server.requestCount());
    assertEquals(List.of(), waits);
  }

  @Test
  void aDroppedConnectionIsRetried() {
    server.enqueue(
        new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      assertEquals(1, client.list(AuditLogQuery.all()).records().size());
    }
  }

  @Test
  void aBodyCutOffMidStreamIsRetried() {
    String body = Fixtures.read("seed-response.json");
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body)
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      AuditLogPage page = client.list(AuditLogQuery.all());
      assertEquals(1, page.records().size());
      assertEquals(2, page.response().attempts());
    }
  }

  @Test
  void givesUpAfterMaxRetriesWithTheLastFailure() {
    for (int i = 0; i < 3; i++) {
      server.enqueueJson(503, Fixtures.read("error-500.json"));
    }
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      ServerException e =
          assertThrows(ServerException.class, () -> client.list(AuditLogQuery.all()));
      assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }
    assertEquals(3, server.requestCount());
    assertEquals(2, waits.size());
  }

  @Test
  void connectionFailuresGiveUpAsConnectionException() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    }
    try (AuditLogsClient client = client(1)) {
      assertThrows(ConnectionException.class, () -> client.list(AuditLogQuery.all()));
    }
  }

  @Test
  void backoffDoublesFromHalfASecondToEightWithUpToAQuarterJitter() {
    Backoff none = new Backoff(() -> 0.0);
    Backoff most = new Backoff(() -> 1.0);
    long[] expected = {500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int retry = 1; retry <= expected.length; retry++) {
      assertEquals(expected[retry - 1], none.delayBeforeRetry(retry).toMillis());
      assertEquals(expected[retry - 1] * 3 / 4, most.delayBeforeRetry(retry).toMillis());
    }
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(rateLimited().addHeader("retry-after", "3").build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofSeconds(3)), waits);
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    server.enqueue(rateLimited().addHeader("retry-after", "Sat, 31 Jan 2026 10:00:12 GMT").build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofSeconds(12)), waits);
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    server.enqueue(
        rateLimited().addHeader("retry-after-ms", "1500").addHeader("retry-after", "9").build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofMillis(1500)), waits);
  }

  @Test
  void aZeroRetryAfterFallsBackToTheBodyField() {
    server.enqueue(
        rateLimited().addHeader("retry-after", "0").body(Fixtures.read("error-429.json")).build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), waits);
  }

  @Test
  void a429WithNoUsableWaitIsNeverRetriedInstantly() {
    server.enqueue(
        rateLimited()
            .addHeader("retry-after", "0")
            .body("{\"success\": false, \"errors\": [], \"messages\": [], \"result\": null}")
            .build());
    server.enqueue(rateLimited().addHeader("retry-after", "soon").build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), waits);
  }

  @Test
  void aWaitLongerThanTheCeilingFailsFastSayingHowLongToWait() {
    server.enqueue(rateLimited().addHeader("retry-after", "300").build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      RateLimitedException e =
          assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Optional.of(Duration.ofSeconds(300)), e.retryAfter());
      assertTrue(e.getMessage().contains("wait 5 min"), e.getMessage());
    }
    assertEquals(1, server.requestCount());
    assertEquals(List.of(), waits);
  }

  @Test
  void theCeilingIsConfigurable() {
    server.enqueue(rateLimited().addHeader("retry-after", "300").build());
    enqueueOk();
    try (AuditLogsClient client =
        server.client().sleeper(time).clock(time).maxRetryWait(Duration.ofMinutes(6)).build()) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofSeconds(300)), waits);
  }

  @Test
  void rateLimitErrorsAfterRetriesCarryTheLastRetryAfter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(rateLimited().addHeader("retry-after", "2").build());
    }
    try (AuditLogsClient client = client(2)) {
      RateLimitedException e =
          assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
    }
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), waits);
  }

  private static MockResponse.Builder rateLimited() {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Content-Type", "application/json")
        .body(Fixtures.read("error-429.json").replace("\"retry_after\": 7", "\"x\": 0"));
  }
}
