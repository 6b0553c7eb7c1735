package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's pacer obeys the server's {@code Ratelimit} and {@code Ratelimit-Policy} headers. A
 * server (or a proxy) that says {@code r=0;t=999999999} or {@code q=1;w=86400} must not make the
 * next request wait for years or a day without a word: like a {@code retry-after} beyond {@code
 * maxRetryWait}, it should fail at once with a {@link RateLimitedException} saying how long.
 */
class RateLimitHoldTest {
  private static final String PAGE =
      "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"a\","
          + "\"when\":\"2025-12-01T10:00:00Z\"}]}";

  /** Headers asking for more than the client waits fail the request at once, saying how long. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ratelimit: \"default\";r=0;t=999999999",
        "Ratelimit: \"default\";r=0;t=86400",
        "Ratelimit-Policy: \"default\";q=1;w=86400"
      })
  void rateLimitHeadersNeverHoldTheNextRequestPastMaxRetryWait(String header) {
    // Waits are recorded, not slept: a hold the client should refuse shows as a recorded wait
    // (not as a slow test), whatever the machine's speed.
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (HostileServer server = new HostileServer();
        AuditLogsClient client =
            server
                .client()
                .rateLimit(1200, Duration.ofMinutes(5))
                .maxRetryWait(Duration.ofSeconds(2))
                .sleeper(waits::add)
                .build()) {
      server.always(
          new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "application/json")
              .addHeaderLenient(
                  header.substring(0, header.indexOf(':')),
                  header.substring(header.indexOf(':') + 2))
              .body(PAGE)
              .build());
      client.list(AuditLogQuery.all());
      assertTimeoutPreemptively(
          Duration.ofSeconds(60), // against a hang only: no wait is really slept
          () -> assertThrows(RateLimitedException.class, () -> client.list(AuditLogQuery.all())));
      assertEquals(List.of(), waits, "failed at once, without waiting");
    }
  }
}
