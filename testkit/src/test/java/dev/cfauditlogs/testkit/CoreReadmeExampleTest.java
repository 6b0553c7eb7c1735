package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import org.junit.jupiter.api.Test;

/**
 * The emulator without any test framework's help, as testkit/README.md shows it, kept compiling and
 * passing. Keep the two in step.
 */
class CoreReadmeExampleTest {
  @Test
  void theReadmeExampleRuns() {
    long counted;
    long truth;
    // --- README example starts here ---
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 500)).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .build()) {
      AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();
      counted = client.paginate(logins).stream().count(); // your code under test
      truth = emulator.records(logins).size(); // the emulator knows the ground truth
    }
    // --- README example ends here ---
    assertEquals(truth, counted);
    assertTrue(truth > 0, "the synthetic records hold logins");
  }
}
