package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid parameters are answered 400 with a Cloudflare-style error naming the parameter; valid
 * edge cases are not.
 */
class ValidationTest {
  private static AuditLogEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AuditLogEmulator.builder().dataset(Records.small()).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "per_page=0 | per_page",
        "per_page=1001 | per_page",
        "per_page=-5 | per_page",
        "per_page=ten | per_page",
        "per_page=2.5 | per_page",
        "per_page= | per_page",
        "page=0 | page",
        "page=-1 | page",
        "page=1.5 | page",
        "page=NaN | page",
        "direction=sideways | direction",
        "direction=DESC | direction",
        "since=yesterday | since",
        "since=2024-13-01 | since",
        "since=2024-02-30 | since",
        "since=2024-05-01T10:00Z | since",
        "since=2024-05-01%2010:00:00Z | since",
        "since=1714557600 | since",
        "before=2024-05-01T10:00:00 | before",
        "before=2024-05-01T25:00:00Z | before",
        "actor.email=not-an-email | actor.email",
        "actor.email=a@b | actor.email",
        "actor.email=a%20b@example.com | actor.email",
        "actor.ip=300.1.1.1 | actor.ip",
        "actor.ip=10.0.0.0/33 | actor.ip",
        "actor.ip=2001:db8::/129 | actor.ip",
        "actor.ip=2001:db8:::1 | actor.ip",
        "actor.ip=example.com | actor.ip",
        "actor.ip=10.0.0.01 | actor.ip",
        "hide_user_logs=yes | hide_user_logs",
        "export=1 | export",
        "id=%zz | percent-encoded",
      })
  void invalidParameterIs400(String query, String named) {
    Http.Reply reply = Http.get(emulator, query);
    assertEquals(400, reply.status, reply.body);
    assertEquals(1004, reply.errorCode());
    Map<String, Object> body = reply.json();
    assertEquals(Boolean.FALSE, body.get("success"));
    assertEquals(List.of(), body.get("messages"));
    assertTrue(reply.body.contains(named), reply.body);
    assertTrue(reply.body.contains("\"result\":null"), reply.body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "per_page=1",
        "per_page=1000",
        "per_page=2.0",
        "per_page=1e2",
        "page=2",
        "page=2.00",
        "page=99999999999999999999",
        "direction=asc",
        "since=2024-05-01",
        "since=2024-05-01T10:00:00Z",
        "since=2024-05-01T10:00:00.123456789-07:00",
        "hide_user_logs=TRUE",
        "export=false",
        "actor.ip=::ffff:192.0.2.1",
        "actor.email=%3D2%2B5@example.com",
        "id=",
      })
  void validEdgeCasesAreAccepted(String query) {
    Http.Reply reply = Http.get(emulator, query);
    assertEquals(200, reply.status, reply.body);
  }
}
