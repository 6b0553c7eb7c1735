package dev.cfauditlogs.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code configure(...)} for what the annotation cannot say, and one emulator per class via
 * {@code @BeforeAll}.
 */
class ExtensionConfigureTest {
  /**
   * Ascending order: a1, b2, c3, a4, d5, e6, f7 (b2 and c3 share a second; e6 and f7 share an
   * instant written in two offsets).
   */
  private static final Dataset SMALL =
      Dataset.of(
          List.of(
              record("a1", "2025-11-30T23:59:59Z"),
              record("b2", "2025-12-01T00:00:00Z"),
              record("c3", "2025-12-01T00:00:00Z"),
              record("a4", "2025-12-01T00:00:00.500Z"),
              record("d5", "2025-12-02T12:00:00Z"),
              record("e6", "2025-12-03T08:00:00+02:00"),
              record("f7", "2025-12-03T06:00:00Z")));

  @RegisterExtension
  static final AuditLogEmulatorExtension EMULATOR =
      AuditLogEmulatorExtension.configure(builder -> builder.dataset(SMALL));

  private static AuditLogEmulator shared;

  @BeforeAll
  static void startOnce(AuditLogEmulator emulator) {
    shared = emulator;
  }

  @Test
  void servesTheConfiguredRecords(AuditLogsClient client) {
    List<String> ids =
        client.list(AuditLogQuery.all()).records().stream()
            .map(l -> l.id().orElseThrow())
            .collect(Collectors.toList());
    assertEquals(List.of("f7", "e6", "d5", "a4", "c3", "b2", "a1"), ids);
  }

  @Test
  void testsShareTheBeforeAllEmulator(AuditLogEmulator emulator) {
    assertSame(shared, emulator);
  }

  private static String record(String id, String when) {
    return "{\"id\":\"" + id + "\",\"action\":{\"type\":\"login\"},\"when\":\"" + when + "\"}";
  }
}
