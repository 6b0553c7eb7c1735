package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.ReceivedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Relative {@code --since}/{@code --before}, read from an injected clock. */
class RelativeTimeTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00.750Z");

  @ParameterizedTest
  @CsvSource({
    "90s, 2026-03-10T11:58:30Z",
    "30m, 2026-03-10T11:30:00Z",
    "24h, 2026-03-09T12:00:00Z",
    "7d, 2026-03-03T12:00:00Z",
    "2w, 2026-02-24T12:00:00Z",
    "0s, 2026-03-10T12:00:00Z"
  })
  void unitsCountBackFromNow(String value, String expected) throws Exception {
    assertEquals(
        Optional.of(Instant.parse(expected)),
        RelativeTime.resolve(
            "--since", value, NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-31", "2026-01-31T10:00:00Z", "yesterday", ""})
  void datesAndOtherTextAreLeftToTheLibrary(String value) throws Exception {
    assertEquals(Optional.empty(), RelativeTime.resolve("--since", value, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7x", "-3d", "+3d", "1.5h", "30M", "7D", "24 h", "5min", "3000000w"})
  void badRelativeValuesAreRefusedNamingThem(String value) {
    RelativeTime.Invalid e =
        assertThrows(
            RelativeTime.Invalid.class, () -> RelativeTime.resolve("--before", value, NOW));
    assertTrue(e.getMessage().contains("--before '" + value + "'"), e.getMessage());
  }

  @Test
  void oneClockReadingServesBothBoundsAndEveryPassOfFollow(@TempDir Path dir) throws Exception {
    try (AuditLogEmulator e =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(3, 40, NOW.minusSeconds(86_400 * 3), NOW))
            .start()) {
      Map<String, String> env =
          Map.of("CLOUDFLARE_BASE_URL", e.baseUrl(), "CLOUDFLARE_API_TOKEN", e.apiToken());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {
                "follow",
                "--once",
                "--checkpoint",
                dir.resolve("c.ckpt").toString(),
                "--since",
                "2d",
                "--before",
                "30m"
              },
              new PrintWriter(out),
              new PrintWriter(err),
              env,
              Clock.fixed(NOW, ZoneOffset.UTC));
      assertEquals(0, code, err.toString());
      assertEquals(
          "cf-audit-logs: --since 2d = 2026-03-08T12:00:00Z (2d before 2026-03-10T12:00:00Z, the"
              + " local clock)\n"
              + "cf-audit-logs: --before 30m = 2026-03-10T11:30:00Z (30m before"
              + " 2026-03-10T12:00:00Z, the local clock)\n"
              + "cf-audit-logs: follow --once: "
              + out.toString().lines().count()
              + " records written (1 page delivered, "
              + e.requestCount()
              + " requests); checkpoint saved to "
              + dir.resolve("c.ckpt")
              + "\n",
          err.toString().replace(System.lineSeparator(), "\n"));
      assertTrue(e.requestCount() > 0);
      for (ReceivedRequest request : e.requests()) {
        assertEquals("2026-03-08T12:00:00Z", request.queryParameter("since").orElseThrow());
        assertEquals("2026-03-10T11:30:00Z", request.queryParameter("before").orElseThrow());
      }
      assertTrue(Files.exists(dir.resolve("c.ckpt")));
    }
  }
}
