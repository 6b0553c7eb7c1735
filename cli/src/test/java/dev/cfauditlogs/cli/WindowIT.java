package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.Direction;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export} of the real jar delivers every record whatever the server's clock says and
 * whatever retention deletes meanwhile, and says so on stderr when the clocks differ.
 */
class WindowIT {
  private static Map<String, String> env(AuditLogEmulator emulator) {
    return Map.of(
        "CLOUDFLARE_BASE_URL", emulator.baseUrl(), "CLOUDFLARE_API_TOKEN", emulator.apiToken());
  }

  private static List<String> ids(List<EmulatedLog> logs) {
    return logs.stream().map(l -> l.id().orElseThrow()).toList();
  }

  private static List<String> ids(JarRunner.Result r) {
    return r.lines().stream()
        .map(line -> line.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1"))
        .toList();
  }

  private static long notes(JarRunner.Result r) {
    return r.stderr().lines().filter(l -> l.contains("the server's clock is")).count();
  }

  @ParameterizedTest
  @CsvSource({
    "180, desc",
    "180, asc",
    "3600, desc",
    "3600, asc",
    "-3600, desc",
    "-180, asc",
    "5, desc",
    "-5, asc"
  })
  void exportWritesTheServersLastTenMinutesWhateverItsClock(long seconds, String direction) {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .clockOffset(Duration.ofSeconds(seconds))
            .recentDataset(12, 20, Duration.ofMinutes(10))
            .start()) {
      JarRunner.Result r =
          JarRunner.run(env(emulator), "export", "--direction", direction, "--per-page", "6");
      assertEquals(0, r.exitCode(), r.all());
      AuditLogQuery query = AuditLogQuery.builder().direction(Direction.parse(direction)).build();
      assertEquals(ids(emulator.records(query)), ids(r), r.all());
      assertEquals(20, r.lines().size());
      assertEquals(Math.abs(seconds) > 60 ? 1 : 0, notes(r), "one line on stderr: " + r.stderr());
      if (Math.abs(seconds) > 60) {
        assertTrue(r.stderr().contains(seconds > 0 ? "ahead of" : "behind"), r.stderr());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"asc", "desc"})
  void exportWritesEverySurvivorOfRetentionOnce(String direction) {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(13, 4000))
            .latency(Duration.ofMillis(5))
            .retention(300)
            .start()) {
      Set<String> atStart = new HashSet<>(ids(emulator.records()));
      JarRunner.Result r =
          JarRunner.run(env(emulator), "export", "--direction", direction, "--per-page", "25");
      assertEquals(0, r.exitCode(), r.all());
      List<String> got = ids(r);
      Set<String> survivors = new HashSet<>(ids(emulator.records()));
      assertTrue(survivors.size() < atStart.size(), "retention ran meanwhile");
      assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
      assertTrue(atStart.containsAll(got));
      survivors.removeAll(got);
      assertEquals(Set.of(), survivors, "every survivor written");
    }
  }

  @Test
  void theEmulatorCommandRunsItsClockAheadWithRecentRecords() throws Exception {
    Process p =
        JarRunner.start(
            "emulator",
            "--records",
            "20",
            "--recent",
            "10m",
            "--clock-offset=1h",
            "--retention",
            "0");
    try {
      String first =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      String baseUrl = first.replaceAll(".*\"base_url\": ?\"([^\"]+)\".*", "$1");
      String token = first.replaceAll(".*\"api_token\": ?\"([^\"]+)\".*", "$1");
      JarRunner.Result r =
          JarRunner.run(
              Map.of("CLOUDFLARE_BASE_URL", baseUrl, "CLOUDFLARE_API_TOKEN", token),
              "export",
              "--direction",
              "asc");
      assertEquals(0, r.exitCode(), r.all());
      assertEquals(20, r.lines().size(), r.all());
      assertEquals(1, notes(r), r.stderr());
      assertTrue(r.stderr().contains("1 h") || r.stderr().contains("60 min"), r.stderr());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    }
  }
}
