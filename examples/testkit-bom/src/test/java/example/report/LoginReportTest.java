package example.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.junit5.AuditLogEmulatorExtension;
import dev.cfauditlogs.testkit.junit5.EmulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// README:begin (examples/check-readme keeps this the same as the README's block)
@ExtendWith(AuditLogEmulatorExtension.class) // dev.cfauditlogs.testkit.junit5
@EmulatorSettings(records = 500, seed = 42)
class LoginReportTest {
  @Test
  void countsEveryLogin(AuditLogsClient client, AuditLogEmulator emulator) {
    AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();
    long counted = new LoginReport(client).count(logins); // your code under test
    assertEquals(emulator.records(logins).size(), counted);
  }
}
// README:end
