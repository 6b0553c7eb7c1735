package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import org.junit.jupiter.api.Test;

/**
 * The emulator with no extension's help, as testkit/README.md shows it, kept compiling and passing.
 * Keep the two in step.
 */
class CoreReadmeExampleTest {
  /** Stands for the consumer's own code under test. */
  static final class LoginReport {
    private final AuditLogsClient client;

    LoginReport(AuditLogsClient client) {
      this.client = client;
    }

    long count(AuditLogQuery query) {
      return client.paginate(query).stream().count();
    }
  }

  @Test
  void countsEveryLogin() {
    // README-START
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 500)).start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .build()) {
      AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();

      long counted = new LoginReport(client).count(logins); // your code under test

      assertEquals(emulator.records(logins).size(), counted); // the emulator knows the truth
    }
    // README-END
  }

  @Test
  void theExampleCountsSomething() {
    AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 500)).start()) {
      assertTrue(emulator.records(logins).size() > 0, "the synthetic records hold logins");
    }
  }
}
