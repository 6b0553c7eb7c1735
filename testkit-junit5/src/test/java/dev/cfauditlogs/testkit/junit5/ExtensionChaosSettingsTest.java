package dev.cfauditlogs.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.ServerException;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.FaultKind;
import dev.cfauditlogs.testkit.RecordingSleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chaos and client knobs of {@link EmulatorSettings}: failFirst, slow-fault delay, fault
 * retry-after, the injected client's retries, and skipping its real waits.
 */
@ExtendWith(AuditLogEmulatorExtension.class)
class ExtensionChaosSettingsTest {
  @Test
  @EmulatorSettings(
      records = 5,
      failFirst = 2,
      failFirstKind = FaultKind.RATE_LIMITED,
      faultRetryAfterMillis = 30_000,
      maxRetryWaitMillis = 60_000,
      skipSleeps = true)
  void failFirstWithItsRetryAfterIsWaitedOutThroughTheRecordingSleeper(
      AuditLogEmulator emulator, AuditLogsClient client, RecordingSleeper sleeper)
      throws Exception {
    HttpResponse<String> first = send(emulator, Duration.ofSeconds(20));
    assertEquals(429, first.statusCode());
    assertEquals("30", first.headers().firstValue("retry-after").orElseThrow());

    assertEquals(5, client.list(AuditLogQuery.all()).records().size());

    assertFalse(sleeper.waitsForReal());
    assertTrue(
        sleeper.waits().contains(Duration.ofSeconds(30)),
        "the client waited the server's retry-after: " + sleeper.waits());
    assertEquals(List.of(429, 429, 200), statuses(emulator));
  }

  @Test
  @EmulatorSettings(records = 5, failFirst = 5, maxRetries = 1, skipSleeps = true)
  void maxRetriesBoundsTheInjectedClient(AuditLogEmulator emulator, AuditLogsClient client) {
    assertThrows(ServerException.class, () -> client.list(AuditLogQuery.all()));
    assertEquals(List.of(500, 500), statuses(emulator), "one attempt and one retry");
  }

  @Test
  @EmulatorSettings(records = 5, failFirst = 1, failFirstKind = FaultKind.SLOW)
  void theDefaultSlowFaultOutlastsAShortTimeout(AuditLogEmulator emulator, RecordingSleeper s) {
    assertThrows(
        java.net.http.HttpTimeoutException.class, () -> send(emulator, Duration.ofMillis(500)));
    assertTrue(s.waitsForReal(), "without skipSleeps the client really waits");
  }

  /**
   * A delay far longer than the builder's 2 s: the request times out, whatever the machine's load.
   * Were the setting not passed on, the default delay would answer well within the 5 s (a slow
   * machine could only hide that, never fail the test wrongly).
   */
  @Test
  @EmulatorSettings(
      records = 5,
      failFirst = 1,
      failFirstKind = FaultKind.SLOW,
      slowFaultDelayMillis = 60_000)
  void slowFaultDelayComesFromTheSettings(AuditLogEmulator emulator) throws Exception {
    assertThrows(
        java.net.http.HttpTimeoutException.class, () -> send(emulator, Duration.ofSeconds(5)));
    assertEquals(FaultKind.SLOW, emulator.requests().get(0).fault().orElseThrow());
  }

  private static List<Integer> statuses(AuditLogEmulator emulator) {
    return emulator.requests().stream().map(r -> r.status()).toList();
  }

  private static HttpResponse<String> send(AuditLogEmulator emulator, Duration timeout)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/user/audit_logs"))
            .header("Authorization", "Bearer " + emulator.apiToken())
            .timeout(timeout)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
