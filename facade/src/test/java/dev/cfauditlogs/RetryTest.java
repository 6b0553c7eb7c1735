package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.provider.CsvSource;
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

  /** The local clock reads 10:00:00; the server's {@code Date} says what its own clock reads. */
  @ParameterizedTest(name = "Date {0}, retry-after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // server an hour ahead / behind: the HTTP-date is 20 s after the server's Date
        "Sat, 31 Jan 2026 11:00:00 GMT | Sat, 31 Jan 2026 11:00:20 GMT | 20000",
        "Sat, 31 Jan 2026 09:00:00 GMT | Sat, 31 Jan 2026 09:00:20 GMT | 20000",
        // no Date, or one that is not an HTTP-date: measured against the local clock
        "                              | Sat, 31 Jan 2026 10:00:12 GMT | 12000",
        "yesterday                     | Sat, 31 Jan 2026 10:00:12 GMT | 12000",
        "Sat, 31 Jan 2026 25:00:00 GMT | Sat, 31 Jan 2026 10:00:12 GMT | 12000",
        // a point already passed by the server's clock is no wait (a 429 then backs off 0.5 s),
        // even where the local clock would read it as 59 minutes ahead
        "Sat, 31 Jan 2026 11:00:00 GMT | Sat, 31 Jan 2026 10:59:00 GMT | 500",
        // the seconds form is a delay, whatever either clock says
        "Sat, 31 Jan 2026 11:00:00 GMT | 3                             | 3000",
        "Sat, 31 Jan 2026 09:00:00 GMT | 3                             | 3000",
      })
  void anHttpDateRetryAfterIsMeasuredFromTheResponsesDate(
      String date, String retryAfter, long expectedMillis) {
    MockResponse.Builder limited = rateLimited().addHeader("retry-after", retryAfter);
    if (date != null) {
      limited.addHeader("Date", date);
    }
    server.enqueue(limited.build());
    enqueueOk();
    try (AuditLogsClient client = client(2)) {
      client.list(AuditLogQuery.all());
    }
    assertEquals(List.of(Duration.ofMillis(expectedMillis)), waits);
    assertEquals(2, server.requestCount());
  }

  @Test
  void aRetryAfterDatePassedByTheServersClockIsAZeroWait() {
    server.enqueue(
        rateLimited()
            .addHeader("Date", "Sat, 31 Jan 2026 11:00:00 GMT")
            .addHeader("retry-after", "Sat, 31 Jan 2026 10:59:00 GMT")
            .build());
    try (AuditLogsClient client = client(0)) {
      RateLimitedException e =
          assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Optional.of(Duration.ZERO), e.retryAfter());
      assertFalse(e.getMessage().contains("wait 0 ms"), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "retry-after, 1000000000000",
    "retry-after, 86401",
    "retry-after-ms, 1e15",
    "retry-after, 'Fri, 01 Jan 2100 00:00:00 GMT'"
  })
  void aWaitLongerThanADayIsSaidAsMoreThanADayNotAsTheDayItIsCappedAt(String header, String value) {
    // The 503 first: after the 429 the client's pacer holds every request for the day.
    server.enqueue(
        rateLimited()
            .code(503)
            .addHeader(header, value)
            .body(Fixtures.read("error-500.json"))
            .build());
    server.enqueue(rateLimited().addHeader(header, value).build());
    try (AuditLogsClient client = client(2)) {
      ServerException failed =
          assertThrows(ServerException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Optional.of(Duration.ofDays(1)), failed.retryAfter());
      assertTrue(
          failed.getMessage().contains("asked to wait more than 1440 min before trying again"),
          failed.getMessage());
      assertTrue(
          failed.getMessage().contains("(more than 1440 min) is longer"), failed.getMessage());

      RateLimitedException limited =
          assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Optional.of(Duration.ofDays(1)), limited.retryAfter());
      assertTrue(
          limited.getMessage().contains("Rate limited; wait more than 1440 min before"),
          limited.getMessage());
      assertTrue(
          limited
              .getMessage()
              .contains(
                  "The wait the server asked for (more than 1440 min) is longer than the"
                      + " configured maximum retry wait (60 s), so the request was not retried."),
          limited.getMessage());
    }
    assertEquals(2, server.requestCount(), "neither is retried");
    assertEquals(List.of(), waits);
  }

  @ParameterizedTest(name = "retry-after: {0}")
  @ValueSource(strings = {"0", "00", "2147483648", "99999999999999999999999"})
  void aServerErrorsRetryAfterIsThisClientsToReadNotOkHttps(String retryAfter) {
    // OkHttp on its own repeated a 503 with retry-after 0 at once, and threw a
    // NumberFormatException for an all-digit value over 2^31 - 1.
    for (int i = 0; i < 2; i++) {
      server.enqueue(
          rateLimited()
              .code(503)
              .addHeader("retry-after", retryAfter)
              .body(Fixtures.read("error-500.json"))
              .build());
    }
    try (AuditLogsClient client = client(0)) {
      ServerException e =
          assertThrows(ServerException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(503, e.statusCode());
      Duration expected = retryAfter.startsWith("0") ? Duration.ZERO : Duration.ofDays(1);
      assertEquals(Optional.of(expected), e.retryAfter());
    }
    assertEquals(1, server.requestCount(), "no request this client did not send itself");
  }

  @Test
  void aLongWaitAfterARetrySaysHowManyAttemptsWereMade() {
    server.enqueue(rateLimited().addHeader("retry-after", "2").build());
    server.enqueue(rateLimited().addHeader("retry-after", "300").build());
    try (AuditLogsClient client = client(2)) {
      RateLimitedException e =
          assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all()));
      assertTrue(
          e.getMessage()
              .contains(
                  "(5 min) is longer than the configured maximum retry wait (60 s),"
                      + " so the request was not retried again (2 attempts made)."),
          e.getMessage());
    }
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
  }

  @Test
  void aWaitOfExactlyADayIsSaidAsItIs() {
    server.enqueue(rateLimited().addHeader("retry-after", "86400").build());
    try (AuditLogsClient client = client(2)) {
      RateLimitedException e =
          assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all()));
      assertEquals(Optional.of(Duration.ofDays(1)), e.retryAfter());
      assertTrue(e.getMessage().contains("wait 1440 min before"), e.getMessage());
      assertFalse(e.getMessage().contains("more than"), e.getMessage());
    }
  }

  private static MockResponse.Builder rateLimited() {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Content-Type", "application/json")
        .body(Fixtures.read("error-429.json").replace("\"retry_after\": 7", "\"x\": 0"));
  }
}
