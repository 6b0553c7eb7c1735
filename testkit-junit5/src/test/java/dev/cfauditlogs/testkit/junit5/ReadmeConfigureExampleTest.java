package dev.cfauditlogs.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's {@code configure(...)} example, as printed, with records of its own. */
class ReadmeConfigureExampleTest {
  static final List<String> myJsonRecords =
      List.of("{\"id\":\"r1\",\"when\":\"2025-12-01T00:00:00Z\",\"action\":{\"type\":\"login\"}}");

  // README-START
  @RegisterExtension
  static final AuditLogEmulatorExtension EMULATOR =
      AuditLogEmulatorExtension.configure(builder -> builder.dataset(Dataset.of(myJsonRecords)));

  // README-END

  @Test
  void servesMyRecords(AuditLogEmulator emulator) {
    assertEquals(
        List.of("r1"), emulator.records().stream().map(r -> r.id().orElseThrow()).toList());
  }
}
