package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client-side limiter: a sliding window, the server's hints, and 429s; shared by everything a
 * client sends.
 */
class PacingTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-01-31T10:00:00Z"));

  private static final RateLimitStatus NO_HEADERS = RateLimitStatus.NONE;
  private static final Duration HOLD = Duration.ofMinutes(10);

  @Test
  void noMoreThanTheLimitInAnyWindow() {
    SlidingWindowPacer pacer = new SlidingWindowPacer(5, Duration.ofSeconds(10), HOLD, time, time);
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pacer.beforeRequest();
      sent.add(time.millis());
      pacer.afterResponse(200, NO_HEADERS);
    }
    for (int i = 5; i < sent.size(); i++) {
      assertTrue(
          sent.get(i) - sent.get(i - 5) >= 10_000,
          "request " + i + " came within the window of request " + (i - 5) + ": " + sent);
    }
    assertTrue(sent.get(11) - sent.get(0) < 25_000, "and not much slower than allowed: " + sent);
  }

  @Test
  void theServersPolicyReplacesTheDefault() {
    SlidingWindowPacer pacer =
        new SlidingWindowPacer(1200, Duration.ofMinutes(5), HOLD, time, time);
    pacer.afterResponse(200, RateLimitStatus.parse(null, "\"default\";q=3;w=6"));
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      pacer.beforeRequest();
      sent.add(time.millis());
    }
    assertTrue(sent.get(3) - sent.get(0) >= 6_000, "" + sent);
    assertTrue(sent.get(6) - sent.get(3) >= 6_000, "" + sent);
  }

  @Test
  void noQuotaLeftWaitsForTheReset() {
    SlidingWindowPacer pacer =
        new SlidingWindowPacer(1200, Duration.ofMinutes(5), HOLD, time, time);
    long start = time.millis();
    pacer.afterResponse(200, RateLimitStatus.parse("\"default\";r=0;t=30", null));
    pacer.beforeRequest();
    assertEquals(30_000, time.millis() - start);
  }

  @Test
  void littleQuotaLeftIsSpreadOverTheTimeToReset() {
    SlidingWindowPacer pacer =
        new SlidingWindowPacer(1200, Duration.ofMinutes(5), HOLD, time, time);
    pacer.afterResponse(
        200, RateLimitStatus.parse("\"default\";r=9;t=100", "\"default\";q=1200;w=300"));
    pacer.beforeRequest();
    long first = time.millis();
    pacer.beforeRequest();
    assertEquals(10_000, time.millis() - first, "100 s spread over 9 + 1 requests");
  }

  @Test
  void headersAskingForMoreThanTheClientWaitsFailAtOnceSayingHowLong() {
    SlidingWindowPacer pacer =
        new SlidingWindowPacer(1200, Duration.ofMinutes(5), HOLD, time, time);
    pacer.afterResponse(200, RateLimitStatus.parse("\"default\";r=0;t=999999999", null));
    RateLimitedException e = assertThrows(RateLimitedException.class, pacer::beforeRequest);
    assertEquals(Duration.ofSeconds(999999999), e.retryAfter().orElseThrow());
    assertEquals(List.of(), time.sleeps, "nothing slept");

    SlidingWindowPacer policy =
        new SlidingWindowPacer(1200, Duration.ofMinutes(5), HOLD, time, time);
    policy.afterResponse(200, RateLimitStatus.parse(null, "\"default\";q=1;w=86400"));
    policy.beforeRequest();
    assertThrows(RateLimitedException.class, policy::beforeRequest);
  }

  @Test
  void a429HoldsEveryRequestUntilItsTimeIsUp() {
    SlidingWindowPacer pacer =
        new SlidingWindowPacer(1200, Duration.ofMinutes(5), HOLD, time, time);
    long start = time.millis();
    pacer.rateLimited(Duration.ofSeconds(42));
    pacer.beforeRequest();
    assertEquals(42_000, time.millis() - start);
  }

  /**
   * Cloudflare's rate limit is per user across all accounts: the four requests of the window are
   * spent on the user's log and several accounts' alike (with {@code mixScopes}), and the fifth
   * waits whatever its scope.
   */
  @ParameterizedTest(name = "mixing scopes: {0}")
  @ValueSource(booleans = {false, true})
  void oneLimiterIsSharedByAllIterationsOfAClient(boolean mixScopes) throws IOException {
    List<AuditLogScope> scopes =
        mixScopes
            ? List.of(
                AuditLogScope.account(AuditLogScopeTest.ACCOUNT),
                AuditLogScope.user(),
                AuditLogScope.account("0123456789abcdef0123456789abcdef"),
                AuditLogScope.account(AuditLogScopeTest.ACCOUNT))
            : List.of(AuditLogScope.user());
    try (MockWebServer web = new MockWebServer()) {
      for (int i = 0; i < 8; i++) {
        web.enqueue(
            new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(Fixtures.read("seed-response.json"))
                .build());
      }
      web.start(InetAddress.getByName("127.0.0.1"), 0);
      try (AuditLogsClient client =
          AuditLogsClient.builder()
              .baseUrl(web.url("/client/v4").toString())
              .apiToken(ContractServer.TOKEN)
              .clock(time)
              .sleeper(time)
              .rateLimit(4, Duration.ofSeconds(60))
              .build()) {
        long start = time.millis();
        for (int i = 0; i < 4; i++) {
          client.list(AuditLogQuery.builder().scope(scopes.get(i % scopes.size())).build());
        }
        assertEquals(start, time.millis(), "four requests fit in the window");
        AuditLogScope last = mixScopes ? AuditLogScope.account(ACCOUNT_C) : AuditLogScope.user();
        client
            .paginate(AuditLogQuery.builder().scope(last).build())
            .withConcurrency(1)
            .iterator()
            .hasNext();
        assertTrue(time.millis() - start >= 60_000, "the fifth waited for the shared window");
      }
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        paths.add(web.takeRequest().getUrl().encodedPath());
      }
      assertEquals(mixScopes ? 4 : 1, new java.util.HashSet<>(paths).size(), "" + paths);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static final String ACCOUNT_C = "cccccccccccccccccccccccccccccccc";
}
