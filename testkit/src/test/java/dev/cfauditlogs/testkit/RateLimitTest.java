package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The rate limit: headers on every response, 429 with retry-after past the quota, and a full-window
 * block.
 */
class RateLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void defaultIsCloudflares1200Per300Seconds() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Dataset.empty()).start()) {
      Http.Reply reply = Http.get(emulator, "");
      assertEquals("\"default\";q=1200;w=300", reply.headers.get("Ratelimit-Policy"));
      assertEquals("\"default\";r=1199;t=300", reply.headers.get("Ratelimit"));
    }
  }

  @Test
  void pastTheQuotaEveryRequestIs429ForAWholeWindow() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Records.small())
            .rateLimit(3, Duration.ofSeconds(60))
            .clock(clock)
            .start()) {
      assertEquals("\"default\";r=2;t=60", Http.get(emulator, "").headers.get("Ratelimit"));
      clock.advance(Duration.ofSeconds(10));
      assertEquals("\"default\";r=1;t=50", Http.get(emulator, "").headers.get("Ratelimit"));
      assertEquals("\"default\";r=0;t=50", Http.get(emulator, "").headers.get("Ratelimit"));

      Http.Reply limited = Http.get(emulator, "");
      assertEquals(429, limited.status);
      assertEquals("60", limited.headers.get("retry-after"));
      assertEquals("\"default\";r=0;t=60", limited.headers.get("Ratelimit"));
      assertEquals("\"default\";q=3;w=60", limited.headers.get("Ratelimit-Policy"));
      assertEquals(1015, limited.errorCode());

      clock.advance(Duration.ofSeconds(45));
      Http.Reply still = Http.get(emulator, "");
      assertEquals(429, still.status);
      assertEquals("15", still.headers.get("retry-after"));

      clock.advance(Duration.ofSeconds(15));
      Http.Reply again = Http.get(emulator, "");
      assertEquals(200, again.status);
      assertEquals("\"default\";r=2;t=60", again.headers.get("Ratelimit"));
      assertEquals(null, again.headers.get("retry-after"));
      assertEquals(2, emulator.statusCounts().get(429));
    }
  }

  @Test
  void theWindowResetsWhenItEnds() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.empty())
            .rateLimit(2, Duration.ofSeconds(30))
            .clock(clock)
            .start()) {
      Http.get(emulator, "");
      Http.get(emulator, "");
      clock.advance(Duration.ofSeconds(30));
      Http.Reply reply = Http.get(emulator, "");
      assertEquals(200, reply.status);
      assertEquals("\"default\";r=1;t=30", reply.headers.get("Ratelimit"));
    }
  }
}
