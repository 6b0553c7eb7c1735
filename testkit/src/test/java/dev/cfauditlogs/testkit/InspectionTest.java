package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Request inspection, redaction, routes, and starting and stopping. */
class InspectionTest {
  private static final String FAKE_TOKEN = "FAKE-TOKEN-should-never-leak-123";
  private static final String FAKE_KEY = "FAKE-KEY-should-never-leak-456";
  private static final String FAKE_EMAIL = "fake-email-should-never-leak@example.com";

  @Test
  void requestsAreRecordedWithCredentialsRedacted() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Records.small())
            .apiToken(FAKE_TOKEN)
            .emailAndApiKey(FAKE_EMAIL, FAKE_KEY)
            .start()) {
      String url =
          emulator.baseUrl() + "/user/audit_logs?per_page=2&actor.email=alice%40example.com";
      Http.Reply ok = Http.get(url, Headers.of("Authorization", "Bearer " + FAKE_TOKEN));
      Http.get(url, Headers.of("X-Auth-Email", FAKE_EMAIL, "X-Auth-Key", FAKE_KEY));
      Http.get(
          url,
          Headers.of("Authorization", "Bearer wrong-" + FAKE_TOKEN, "Cookie", "s=" + FAKE_KEY));

      List<ReceivedRequest> requests = emulator.requests();
      assertEquals(3, requests.size());
      ReceivedRequest first = requests.get(0);
      assertEquals("GET", first.method());
      assertEquals("/client/v4/user/audit_logs", first.path());
      assertEquals(
          Map.of("per_page", List.of("2"), "actor.email", List.of("alice@example.com")),
          first.query());
      assertEquals(200, first.status());
      assertEquals(ok.headers.get("cf-ray"), first.cfRay().orElseThrow());
      assertEquals(ReceivedRequest.REDACTED, first.header("authorization").orElseThrow());
      assertEquals(ReceivedRequest.REDACTED, requests.get(1).header("X-Auth-Key").orElseThrow());
      assertEquals(ReceivedRequest.REDACTED, requests.get(1).header("X-Auth-Email").orElseThrow());
      assertEquals(ReceivedRequest.REDACTED, requests.get(2).header("Cookie").orElseThrow());
      assertEquals(401, requests.get(2).status());

      String everything = requests + " " + emulator + " " + emulator.statusCounts();
      for (ReceivedRequest r : requests) {
        everything += r.headers() + " " + r.query();
      }
      assertFalse(everything.contains(FAKE_TOKEN), everything);
      assertFalse(everything.contains(FAKE_KEY), everything);
      assertFalse(everything.contains(FAKE_EMAIL), everything);

      assertEquals(Map.of(200, 2, 401, 1), emulator.statusCounts());
      assertEquals(3, emulator.requestCount());
    }
  }

  @Test
  void unknownPathIs404AndOtherMethodsAre405() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Records.small()).start()) {
      Headers auth = Headers.of("Authorization", "Bearer " + emulator.apiToken());
      Http.Reply notFound = Http.get(emulator.baseUrl() + "/user/audit_log", auth);
      assertEquals(404, notFound.status);
      assertEquals(7003, notFound.errorCode());
      assertTrue(notFound.headers.get("cf-ray") != null);

      Http.Reply post =
          Http.call(
              new Request.Builder()
                  .url(emulator.baseUrl() + "/user/audit_logs")
                  .headers(auth)
                  .post(RequestBody.create(new byte[0]))
                  .build(),
              Http.client());
      assertEquals(405, post.status);
      assertEquals(7001, post.errorCode());
      assertEquals(Map.of(404, 1, 405, 1), emulator.statusCounts());
    }
  }

  @Test
  void startsOnAFreeLoopbackPortAndStops() {
    for (int i = 0; i < 5; i++) {
      AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Dataset.empty()).start();
      assertTrue(emulator.port() > 0);
      assertEquals("http://127.0.0.1:" + emulator.port() + "/client/v4", emulator.baseUrl());
      assertEquals(200, Http.get(emulator, "").status);
      emulator.close();
      emulator.close(); // idempotent
      assertThrows(UncheckedIOException.class, () -> Http.get(emulator, ""));
    }
  }

  @Test
  void startsOnAChosenPort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().port(port).start()) {
      assertEquals(port, emulator.port());
      assertEquals(200, Http.get(emulator, "").status);
    }
  }

  @Test
  void builderRefusesBadKnobsNamingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AuditLogEmulator.builder().port(70000));
    assertTrue(e.getMessage().contains("port"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditLogEmulator.builder().faults(1.5, java.util.Set.of(FaultKind.SLOW), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditLogEmulator.builder().faults(0.5, java.util.Set.of(), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditLogEmulator.builder().rateLimit(0, java.time.Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditLogEmulator.builder().latency(java.time.Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> AuditLogEmulator.builder().apiToken(" "));
  }
}
