package dev.cfauditlogs.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer's test shown in testkit-junit5/README.md, kept compiling and passing. Keep the two
 * in step.
 */
@ExtendWith(AuditLogEmulatorExtension.class)
@EmulatorSettings(records = 500, seed = 42)
class ReadmeExampleTest {
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

  // --- README example starts here ---

  @Test
  void countsEveryLogin(AuditLogsClient client, AuditLogEmulator emulator) {
    AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();

    long counted = new LoginReport(client).count(logins);

    assertEquals(emulator.records(logins).size(), counted);
  }

  @Test
  @EmulatorSettings(
      records = 500,
      faultRate = 0.3,
      faults = {FaultKind.SERVER_ERROR, FaultKind.CONNECTION_RESET},
      faultSeed = 7)
  void survivesABadDay(AuditLogsClient client, AuditLogEmulator emulator) {
    AuditLogQuery all = AuditLogQuery.builder().perPage(50).build();

    long counted = new LoginReport(client).count(all);

    assertEquals(500, counted); // every record, once, although some requests failed:
    assertTrue(emulator.statusCounts().containsKey(500) || emulator.statusCounts().containsKey(0));
  }

  // --- README example ends here ---
}
