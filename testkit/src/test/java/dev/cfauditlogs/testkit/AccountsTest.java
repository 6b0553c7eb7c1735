package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.PermissionDeniedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * The account route: one log per account with its own records, credentials that may read only some
 * accounts, malformed ids, ground truth and appends per scope.
 */
class AccountsTest {
  static final String A = "0123456789abcdef0123456789abcdef";
  static final String B = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String DENIED = "dddddddddddddddddddddddddddddddd";
  static final String UNKNOWN = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

  private static AuditLogEmulator emulator() {
    return AuditLogEmulator.builder()
        .dataset(Dataset.synthetic(42, 60))
        .accounts(A, B)
        .deniedAccounts(DENIED)
        .start();
  }

  private static AuditLogsClient client(AuditLogEmulator emulator) {
    return AuditLogsClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiToken(emulator.apiToken())
        .maxRetries(0)
        .build();
  }

  private static List<String> ids(List<EmulatedLog> logs) {
    return logs.stream().map(l -> l.id().orElseThrow()).toList();
  }

  private static Http.Reply raw(AuditLogEmulator emulator, String path) {
    return Http.get(
        emulator.baseUrl() + path, Headers.of("Authorization", "Bearer " + emulator.apiToken()));
  }

  @Test
  void eachAccountHasItsOwnRecordsTheSameOnEveryRun() {
    try (AuditLogEmulator first = emulator();
        AuditLogEmulator second = emulator()) {
      List<String> user = ids(first.records());
      List<String> a = ids(first.records(AuditLogScope.account(A)));
      List<String> b = ids(first.records(AuditLogScope.account(B)));
      assertEquals(60, a.size());
      assertEquals(60, b.size());
      Set<String> all = new HashSet<>(user);
      all.addAll(a);
      all.addAll(b);
      assertEquals(180, all.size(), "no id shared between logs");
      assertEquals(a, ids(second.records(AuditLogScope.account(A))), "deterministic");
      assertEquals(List.of(A, B, DENIED), first.accountIds());
    }
  }

  /** The {@code account.id} of each record that has an {@code account} member. */
  private static List<Object> accountIds(List<EmulatedLog> logs) throws IOException {
    JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);
    List<Object> ids = new ArrayList<>();
    for (EmulatedLog log : logs) {
      if (json.fromJson(log.json()) instanceof Map<?, ?> record
          && record.get("account") instanceof Map<?, ?> account) {
        ids.add(account.get("id"));
      }
    }
    return ids;
  }

  @Test
  void anAccountsRecordsCarryThatAccountsIdAsTheirAccount() throws IOException {
    try (AuditLogEmulator emulator = emulator()) {
      for (String id : List.of(A, B)) {
        AuditLogScope scope = AuditLogScope.account(id);
        List<EmulatedLog> logs = new ArrayList<>(emulator.records(scope));
        logs.addAll(emulator.appendSynthetic(scope, 20));
        List<Object> accounts = accountIds(logs);
        assertTrue(accounts.size() >= 5, "records with an account member: " + accounts.size());
        assertEquals(Set.of(id), new HashSet<>(accounts), "account.id of " + scope);
      }
      List<Object> user = accountIds(emulator.records());
      assertFalse(user.isEmpty());
      assertFalse(user.contains(A) || user.contains(B), "the user's log names no listed account");
    }
  }

  @Test
  void theClientReadsEachAccountAsTheGroundTruthSays() {
    try (AuditLogEmulator emulator = emulator();
        AuditLogsClient client = client(emulator)) {
      for (AuditLogScope scope : List.of(AuditLogScope.user(), AuditLogScope.account(A))) {
        AuditLogQuery query =
            AuditLogQuery.builder().scope(scope).actionType("login").perPage(1000).build();
        List<EmulatedLog> truth = emulator.records(query);
        List<AuditLog> read = client.list(query).records();
        assertEquals(ids(truth), read.stream().map(r -> r.id().orElseThrow()).toList());
        assertFalse(truth.isEmpty(), scope.toString());
      }
      assertEquals(
          "/client/v4/accounts/" + A + "/audit_logs",
          emulator.requests().get(1).path(),
          "the account's route");
    }
  }

  @Test
  void aDeniedOrUnknownAccountAnswers403WithCode9109() {
    try (AuditLogEmulator emulator = emulator();
        AuditLogsClient client = client(emulator)) {
      for (String id : List.of(DENIED, UNKNOWN)) {
        PermissionDeniedException e =
            assertThrows(
                PermissionDeniedException.class,
                () -> client.list(AuditLogQuery.builder().accountId(id).build()));
        assertEquals(9109, e.errors().get(0).code(), id);
        assertEquals("Unauthorized to access requested resource", e.errors().get(0).message());
      }
      Http.Reply reply = raw(emulator, "/accounts/" + DENIED + "/audit_logs");
      assertEquals(403, reply.status);
      assertEquals(Boolean.FALSE, reply.json().get("success"));
      assertTrue(reply.json().containsKey("result"), "Cloudflare's error body has result: null");
      assertEquals(60, emulator.records(AuditLogScope.account(DENIED)).size(), "held all the same");
    }
  }

  @Test
  void aMalformedAccountIdAnswers400Code7003AndOtherPaths404() {
    try (AuditLogEmulator emulator = emulator()) {
      for (String bad :
          List.of("ABC", A.toUpperCase(java.util.Locale.ROOT), A + "0", "%30" + A.substring(1))) {
        Http.Reply reply = raw(emulator, "/accounts/" + bad + "/audit_logs");
        assertEquals(400, reply.status, bad);
        assertEquals(7003, reply.errorCode(), bad);
        assertTrue(reply.body.contains("perhaps your object identifier is invalid"), reply.body);
      }
      assertEquals(404, raw(emulator, "/accounts/" + A + "/audit_logs/x").status);
      assertEquals(404, raw(emulator, "/accounts/" + A).status);
    }
  }

  @Test
  void appendsGoToTheirScopeOnly() {
    try (AuditLogEmulator emulator = emulator()) {
      List<EmulatedLog> added = emulator.appendSynthetic(AuditLogScope.account(A), 3);
      assertEquals(3, added.size());
      assertEquals(63, emulator.records(AuditLogScope.account(A)).size());
      assertEquals(60, emulator.records(AuditLogScope.account(B)).size());
      assertEquals(60, emulator.records().size());
      assertTrue(ids(emulator.records(AuditLogScope.account(A))).containsAll(ids(added)));
      assertNotEquals(
          ids(added), ids(emulator.appendSynthetic(AuditLogScope.account(B), 3)), "own ids");
      assertThrows(
          IllegalArgumentException.class,
          () -> emulator.appendSynthetic(AuditLogScope.account(UNKNOWN), 1));
      assertThrows(
          IllegalArgumentException.class,
          () -> emulator.records(AuditLogQuery.builder().accountId(UNKNOWN).build()));
    }
  }

  @Test
  void theBuilderRefusesAMalformedAccountIdNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AuditLogEmulator.builder().accounts("xyz"));
    assertTrue(e.getMessage().contains("'xyz'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> AuditLogEmulator.builder().deniedAccounts(A, "Q"));
  }
}
