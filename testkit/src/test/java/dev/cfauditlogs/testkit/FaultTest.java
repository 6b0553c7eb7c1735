package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Every fault kind is observable from a client, reproducible from its seed, and changes nothing.
 */
class FaultTest {
  private static AuditLogEmulator always(FaultKind kind) {
    return AuditLogEmulator.builder()
        .dataset(Records.small())
        .faults(1.0, Set.of(kind), 1)
        .slowFaultDelay(Duration.ofSeconds(1))
        .start();
  }

  private static Request request(AuditLogEmulator emulator) {
    return new Request.Builder()
        .url(emulator.baseUrl() + "/user/audit_logs")
        .header("Authorization", "Bearer " + emulator.apiToken())
        .build();
  }

  @Test
  void rateLimited() {
    try (AuditLogEmulator emulator = always(FaultKind.RATE_LIMITED)) {
      Http.Reply reply = Http.get(emulator, "");
      assertEquals(429, reply.status);
      assertEquals("1", reply.headers.get("retry-after"));
      assertEquals(1015, reply.errorCode());
      assertEquals("\"default\";r=1200;t=300", reply.headers.get("Ratelimit"), "uses no quota");
      assertEquals(FaultKind.RATE_LIMITED, emulator.requests().get(0).fault().orElseThrow());
    }
  }

  @Test
  void rateLimitedRetryAfterIsConfigurable() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .faults(1.0, Set.of(FaultKind.RATE_LIMITED), 1)
            .faultRetryAfter(Duration.ofMillis(2500))
            .start()) {
      assertEquals("3", Http.get(emulator, "").headers.get("retry-after"));
    }
  }

  @Test
  void serverError() {
    try (AuditLogEmulator emulator = always(FaultKind.SERVER_ERROR)) {
      Http.Reply reply = Http.get(emulator, "");
      assertEquals(500, reply.status);
      assertEquals(10002, reply.errorCode());
      assertEquals("application/json", reply.headers.get("Content-Type"));
      assertTrue(reply.headers.get("cf-ray") != null);
    }
  }

  @Test
  void badGatewayWithHtml() {
    try (AuditLogEmulator emulator = always(FaultKind.BAD_GATEWAY_HTML)) {
      Http.Reply reply = Http.get(emulator, "");
      assertEquals(502, reply.status);
      assertEquals("text/html", reply.headers.get("Content-Type"));
      assertTrue(reply.body.contains("<h1>502 Bad Gateway</h1>"));
      assertTrue(reply.headers.get("cf-ray") != null);
    }
  }

  @Test
  void connectionReset() {
    try (AuditLogEmulator emulator = always(FaultKind.CONNECTION_RESET)) {
      assertThrows(
          IOException.class, () -> Http.client().newCall(request(emulator)).execute().close());
      ReceivedRequest recorded = emulator.requests().get(0);
      assertEquals(0, recorded.status());
      assertTrue(recorded.cfRay().isEmpty());
      assertEquals(Map.of(0, 1), emulator.statusCounts());
    }
  }

  @Test
  void truncatedBody() throws IOException {
    try (AuditLogEmulator emulator = always(FaultKind.TRUNCATED_BODY)) {
      try (Response response = Http.client().newCall(request(emulator)).execute()) {
        assertEquals(200, response.code());
        long promised = Long.parseLong(response.header("Content-Length"));
        assertTrue(promised > 100);
        assertThrows(IOException.class, () -> response.body().string());
      }
    }
  }

  @Test
  void slowerThanTheClientTimeout() throws IOException {
    try (AuditLogEmulator emulator = always(FaultKind.SLOW)) {
      OkHttpClient impatient =
          Http.client().newBuilder().readTimeout(Duration.ofMillis(200)).build();
      assertThrows(
          InterruptedIOException.class,
          () -> impatient.newCall(request(emulator)).execute().close());
      // A patient client gets the normal answer in the end.
      try (Response response = Http.client().newCall(request(emulator)).execute()) {
        assertEquals(200, response.code());
        assertEquals(7, Http.parse(response.body().string()).size() > 0 ? 7 : 0);
      }
    }
  }

  @Test
  void latencyDelaysEveryResponse() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.empty())
            .latency(Duration.ofMillis(500))
            .start()) {
      OkHttpClient impatient =
          Http.client().newBuilder().readTimeout(Duration.ofMillis(100)).build();
      assertThrows(
          InterruptedIOException.class,
          () -> impatient.newCall(request(emulator)).execute().close());
      assertEquals(200, Http.get(emulator, "").status);
    }
  }

  @Test
  void faultsAreReproducibleFromTheSeedAndOffByDefault() {
    List<Integer> first = statuses(99);
    assertEquals(first, statuses(99));
    assertNotEquals(first, statuses(100));
    assertTrue(first.contains(200) && first.contains(500) && first.contains(429), first.toString());
    try (AuditLogEmulator plain = AuditLogEmulator.builder().dataset(Dataset.empty()).start()) {
      for (int i = 0; i < 20; i++) {
        assertEquals(200, Http.get(plain, "").status);
      }
    }
  }

  private static List<Integer> statuses(long seed) {
    List<Integer> out = new ArrayList<>();
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.empty())
            .faults(0.5, EnumSet.of(FaultKind.SERVER_ERROR, FaultKind.RATE_LIMITED), seed)
            .start()) {
      for (int i = 0; i < 40; i++) {
        out.add(Http.get(emulator, "").status);
      }
    }
    return out;
  }

  @Test
  void faultedRequestsUseNoRateLimit() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.empty())
            .rateLimit(1, Duration.ofSeconds(60))
            .faults(0.5, Set.of(FaultKind.SERVER_ERROR), 7)
            .start()) {
      int ok = 0;
      for (int i = 0; i < 20 && ok == 0; i++) {
        ok += Http.get(emulator, "").status == 200 ? 1 : 0;
      }
      assertEquals(1, ok, "the one allowed request got through despite the faults before it");
    }
  }
}
