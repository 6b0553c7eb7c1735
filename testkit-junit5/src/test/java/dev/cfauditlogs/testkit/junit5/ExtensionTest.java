package dev.cfauditlogs.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.PermissionDeniedException;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.ReceivedRequest;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit 5 extension: injection, settings, sharing and closing. */
@ExtendWith(AuditLogEmulatorExtension.class)
@EmulatorSettings(records = 40, seed = 9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {
  private static AuditLogEmulator fromFirstTest;
  private final AuditLogEmulator fromConstructor;

  ExtensionTest(AuditLogEmulator emulator) {
    this.fromConstructor = emulator;
  }

  @Test
  @Order(1)
  void injectsAStartedEmulatorAndAClientPointedAtIt(
      AuditLogEmulator emulator, AuditLogsClient client) {
    AuditLogPage page = client.list(AuditLogQuery.builder().perPage(5).build());
    assertEquals(5, page.records().size());
    assertEquals(40, page.totalCount().orElseThrow());
    assertEquals(emulator.records().get(0).json(), page.records().get(0).json());
    assertEquals(1, emulator.requestCount());
    fromFirstTest = emulator;
  }

  @Test
  @Order(2)
  void closesTheEmulatorAfterTheTestAndStartsAFreshOne(AuditLogEmulator emulator) {
    assertTrue(fromFirstTest != null && fromFirstTest != emulator);
    assertThrows(UncheckedIOException.class, () -> Http.get(fromFirstTest, ""));
    assertEquals(0, emulator.requestCount());
  }

  @Test
  @Order(3)
  void theConstructorAndTheTestShareOneEmulator(AuditLogEmulator emulator) {
    assertSame(fromConstructor, emulator);
  }

  @Test
  @Order(4)
  @EmulatorSettings(records = 3, resultInfo = false, apiKeyAuth = true)
  void settingsOnTheMethodWin(AuditLogEmulator emulator, AuditLogsClient client) {
    assertEquals(3, client.list(AuditLogQuery.all()).records().size());
    assertFalse(Http.get(emulator, "").containsKey("result_info"));
    ReceivedRequest first = emulator.requests().get(0);
    assertTrue(first.header("X-Auth-Key").isPresent() && first.header("Authorization").isEmpty());
  }

  @Test
  @Order(5)
  void theClientIsTheSameWithinATest(AuditLogsClient first, AuditLogsClient second) {
    assertSame(first, second);
  }

  @Test
  @Order(6)
  @EmulatorSettings(
      records = 7,
      accounts = {ACCOUNT_A},
      deniedAccounts = {ACCOUNT_B})
  void accountsAndDeniedAccountsFromTheSettings(AuditLogEmulator emulator, AuditLogsClient client) {
    AuditLogQuery a = AuditLogQuery.builder().accountId(ACCOUNT_A).build();
    assertEquals(7, client.list(a).records().size());
    assertEquals(emulator.records(a).get(0).json(), client.list(a).records().get(0).json());
    PermissionDeniedException denied =
        assertThrows(
            PermissionDeniedException.class,
            () -> client.list(AuditLogQuery.builder().accountId(ACCOUNT_B).build()));
    assertEquals(9109, denied.errors().get(0).code());
    assertEquals(java.util.List.of(ACCOUNT_A, ACCOUNT_B), emulator.accountIds());
  }

  static final String ACCOUNT_A = "0123456789abcdef0123456789abcdef";
  static final String ACCOUNT_B = "fedcba9876543210fedcba9876543210";

  @Nested
  class WithAnEnclosingClassSetting {
    @Test
    void inheritsTheEnclosingSettings(AuditLogEmulator emulator) {
      assertEquals(40, emulator.records().size());
    }
  }

  @Nested
  @EmulatorSettings(records = 2)
  class WithItsOwnSetting {
    @Test
    void usesItsOwn(AuditLogEmulator emulator) {
      assertEquals(2, emulator.records().size());
    }
  }
}
