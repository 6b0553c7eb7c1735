package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both auth schemes, and Cloudflare-style 401/403 failures. */
class AuthTest {
  private static AuditLogEmulator emulator;
  private static String url;

  @BeforeAll
  static void start() {
    emulator =
        AuditLogEmulator.builder()
            .dataset(Records.small())
            .apiToken("good-token")
            .emailAndApiKey("Owner@Example.com", "0123456789abcdef0123456789abcdef01234")
            .forbiddenToken("no-audit-permission")
            .start();
    url = emulator.baseUrl() + "/user/audit_logs";
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Http.Reply get(String... headers) {
    return Http.get(url, Headers.of(headers));
  }

  @Test
  void bearerToken() {
    Http.Reply reply = get("Authorization", "Bearer good-token");
    assertEquals(200, reply.status);
    assertEquals(7, reply.result().size());
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    assertEquals(200, get("Authorization", "bearer good-token").status);
  }

  @Test
  void emailAndGlobalApiKey() {
    assertEquals(
        200,
        get(
                "X-Auth-Email",
                "Owner@Example.com",
                "X-Auth-Key",
                "0123456789abcdef0123456789abcdef01234")
            .status);
  }

  @Test
  void emailIsComparedIgnoringCase() {
    assertEquals(
        200,
        get(
                "X-Auth-Email",
                "owner@example.COM",
                "X-Auth-Key",
                "0123456789abcdef0123456789abcdef01234")
            .status);
  }

  @Test
  void defaultsAreRandomThrowawayCredentials() {
    try (AuditLogEmulator a = AuditLogEmulator.builder().start();
        AuditLogEmulator b = AuditLogEmulator.builder().start()) {
      assertTrue(!a.apiToken().equals(b.apiToken()) && a.apiToken().length() == 40);
      assertEquals(37, a.apiKey().length());
      assertTrue(a.email().endsWith("@example.com"));
      assertEquals(
          200,
          Http.get(
                  a.baseUrl() + "/user/audit_logs",
                  Headers.of("X-Auth-Email", a.email(), "X-Auth-Key", a.apiKey()))
              .status);
    }
  }

  @Test
  void noCredentials() {
    Http.Reply reply = get();
    assertEquals(401, reply.status);
    assertEquals(9106, reply.errorCode());
    assertEquals(Boolean.FALSE, reply.json().get("success"));
    assertTrue(reply.body.contains("\"result\":null"), reply.body);
  }

  @Test
  void wrongToken() {
    Http.Reply reply = get("Authorization", "Bearer bad-token");
    assertEquals(401, reply.status);
    assertEquals(10000, reply.errorCode());
  }

  @Test
  void malformedAuthorizationHeader() {
    Http.Reply reply = get("Authorization", "good-token");
    assertEquals(401, reply.status);
    assertEquals(6111, reply.errorCode());
  }

  @Test
  void wrongKey() {
    Http.Reply reply = get("X-Auth-Email", "Owner@Example.com", "X-Auth-Key", "nope");
    assertEquals(401, reply.status);
    assertEquals(9103, reply.errorCode());
  }

  @Test
  void emailWithoutKey() {
    Http.Reply reply = get("X-Auth-Email", "Owner@Example.com");
    assertEquals(401, reply.status);
    assertEquals(9106, reply.errorCode());
  }

  @Test
  void authorizationHeaderDecidesAloneWhenPresent() {
    Http.Reply reply =
        get(
            "Authorization", "Bearer bad-token",
            "X-Auth-Email", "Owner@Example.com",
            "X-Auth-Key", "0123456789abcdef0123456789abcdef01234");
    assertEquals(401, reply.status);
  }

  @Test
  void forbiddenToken() {
    Http.Reply reply = get("Authorization", "Bearer no-audit-permission");
    assertEquals(403, reply.status);
    assertEquals(9109, reply.errorCode());
    assertEquals(Boolean.FALSE, reply.json().get("success"));
  }

  @Test
  void failuresCarryCfRayAndRateLimitHeaders() {
    Http.Reply reply = get();
    assertTrue(reply.headers.get("cf-ray").matches("[0-9a-f]{16}-EMU"), reply.headers.toString());
    assertTrue(reply.headers.get("Ratelimit").startsWith("\"default\";r="));
    assertEquals("\"default\";q=1200;w=300", reply.headers.get("Ratelimit-Policy"));
  }
}
