package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
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
  @RegisterExtension
  static final AuditLogEmulatorExtension EMULATOR =
      AuditLogEmulatorExtension.configure(builder -> builder.dataset(Records.small()));

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
}
