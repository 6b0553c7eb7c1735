package example.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import org.junit.jupiter.api.Test;

/** The README's emulator example, without the JUnit extension. */
class LoginReportEmulatorTest {
  @Test
  void countsEveryLogin() {
    // README:begin (examples/check-readme keeps this the same as the README's block)
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Dataset.synthetic(42, 500)).start();
        AuditLogsClient client =
            AuditLogsClient.builder().baseUrl(emulator.baseUrl()).apiToken(emulator.apiToken()).build()) {
      AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();
      long counted = new LoginReport(client).count(logins); // your code under test
      assertEquals(emulator.records(logins).size(), counted);
    }
    // README:end
  }
}
