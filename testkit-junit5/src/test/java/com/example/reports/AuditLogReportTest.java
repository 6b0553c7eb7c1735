package com.example.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.FaultKind;
import dev.cfauditlogs.testkit.RecordingSleeper;
import dev.cfauditlogs.testkit.junit5.AuditLogEmulatorExtension;
import dev.cfauditlogs.testkit.junit5.EmulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AuditLogEmulatorExtension.class)
@EmulatorSettings(records = 500, seed = 42)
class AuditLogReportTest {
  @Test
  void countsEveryLogin(AuditLogsClient client, AuditLogEmulator emulator) {
    AuditLogQuery logins = AuditLogQuery.builder().actionType("login").build();

    long counted = new AuditLogReport(client).count(logins); // your code under test

    assertEquals(emulator.records(logins).size(), counted); // the emulator knows the truth
  }

  @Test
  @EmulatorSettings(
      records = 500,
      faultRate = 0.3,
      faults = {FaultKind.SERVER_ERROR, FaultKind.CONNECTION_RESET, FaultKind.RATE_LIMITED},
      faultSeed = 7,
      maxRetries = 5,
      skipSleeps = true)
  void readsEveryRecordThroughFaults(
      AuditLogsClient client, AuditLogEmulator emulator, RecordingSleeper sleeper) {
    AuditLogQuery everything = AuditLogQuery.builder().perPage(50).build();

    long records = new AuditLogReport(client).count(everything);

    assertEquals(500, records); // every audit-log record, once, although requests failed
    assertTrue(emulator.requests().stream().anyMatch(r -> r.fault().isPresent()));
    assertTrue(sleeper.count() > 0); // the client's backoff was recorded, not slept
  }
}
