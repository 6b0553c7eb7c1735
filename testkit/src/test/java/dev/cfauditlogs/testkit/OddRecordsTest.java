package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Your own records as real Cloudflare sends them (looser than the document): served exactly as
 * given, whatever the JSON types of their fields, and the filters skip what they cannot read.
 */
class OddRecordsTest {
  private static final List<String> ODD =
      List.of(
          "{\"id\":\"dns\",\"when\":\"2026-07-01T10:00:02.123Z\",\"newValue\":{\"type\":\"A\","
              + "\"ttl\":1},\"oldValue\":[1,2],\"action\":{\"type\":\"rec_set\",\"result\":\"yes\"},"
              + "\"actor\":{\"type\":\"system\",\"ip\":[1],\"email\":7}}",
          "{\"id\":5,\"when\":\"2026-07-01T10:00:01Z\",\"metadata\":[],\"actor\":7,"
              + "\"action\":{\"type\":\"login\"}}",
          "{\"id\":\"plain\",\"when\":\"2026-07-01T10:00:00Z\",\"action\":{\"type\":\"login\"},"
              + "\"actor\":{\"ip\":\"198.51.100.7\",\"type\":\"user\"}}");

  @Test
  void oddRecordsAreServedExactlyAndFiltered() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Dataset.of(ODD)).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .build()) {
      List<String> all =
          client.list(AuditLogQuery.all()).records().stream().map(AuditLog::json).toList();
      assertEquals(ODD, all); // newest first, byte for byte

      List<String> logins =
          client.list(AuditLogQuery.builder().actionType("login").build()).records().stream()
              .map(AuditLog::json)
              .toList();
      assertEquals(ODD.subList(1, 3), logins);

      List<String> byIp =
          client.list(AuditLogQuery.builder().actorIp("198.51.100.0/24").build()).records().stream()
              .map(AuditLog::json)
              .toList();
      assertEquals(List.of(ODD.get(2)), byIp);
    }
  }
}
