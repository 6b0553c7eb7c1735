package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file of many scopes, and a checkpoint's scope. */
class SyncCheckpointsTest {
  static final String A = AuditLogScopeTest.ACCOUNT;
  static final String B = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  private static AuditLogQuery login(AuditLogScope scope) {
    return AuditLogQuery.builder().scope(scope).actionType("login").build();
  }

  private static SyncCheckpoint advanced(AuditLogScope scope, String id, String when) {
    SyncProgress progress = new SyncProgress(SyncCheckpoint.start(login(scope)));
    progress.add(id, Instant.parse(when));
    return progress.checkpoint();
  }

  @Test
  void aCheckpointRecordsItsQuerysScopeAndMatchesOnlyThatScope() {
    SyncCheckpoint account = SyncCheckpoint.start(login(AuditLogScope.account(A)));
    assertEquals("accounts/" + A, account.scope());
    assertEquals(AuditLogScope.account(A), account.auditLogScope());
    assertTrue(account.matches(login(AuditLogScope.account(A))));
    assertFalse(account.matches(login(AuditLogScope.user())));
    assertFalse(account.matches(login(AuditLogScope.account(B))));
    assertEquals("user", SyncCheckpoint.start(login(AuditLogScope.user())).scope());
    assertEquals(account, SyncCheckpoint.parse(account.render()));
    assertTrue(account.render().contains("\"scope\": \"accounts/" + A + "\""), account.render());
  }

  @Test
  void oneCheckpointPerScopeRoundTripsThroughAFile() throws IOException {
    SyncCheckpoint user = advanced(AuditLogScope.user(), "u1", "2026-01-01T00:00:01Z");
    SyncCheckpoint a = advanced(AuditLogScope.account(A), "a1", "2026-01-02T00:00:00Z");
    SyncCheckpoints all = SyncCheckpoints.empty().with(user).with(a);
    assertEquals(Set.of(AuditLogScope.user(), AuditLogScope.account(A)), all.scopes());
    assertEquals(Optional.of(a), all.get(AuditLogScope.account(A)));
    assertEquals(Optional.empty(), all.get(AuditLogScope.account(B)));

    Path file = dir.resolve("follow.ckpt");
    all.save(file);
    assertEquals(Optional.of(all), SyncCheckpoints.load(file));
    assertFalse(Files.exists(dir.resolve("follow.ckpt.tmp")));

    // Adding an account later leaves the others as they were; replacing one keeps its place.
    SyncCheckpoint b = SyncCheckpoint.start(login(AuditLogScope.account(B)));
    SyncCheckpoint a2 = advanced(AuditLogScope.account(A), "a2", "2026-01-03T00:00:00Z");
    SyncCheckpoints next = all.with(b).with(a2);
    assertEquals(
        List.of(AuditLogScope.user(), AuditLogScope.account(A), AuditLogScope.account(B)),
        List.copyOf(next.scopes()));
    assertEquals(Optional.of(user), next.get(AuditLogScope.user()));
    assertEquals(Optional.of(a2), next.get(AuditLogScope.account(A)));
    assertEquals(Optional.of(a), all.get(AuditLogScope.account(A)), "immutable");

    // One checkpoint of such a file is not read as if it were the whole file.
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.load(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("SyncCheckpoints"), e.getMessage());
    assertFalse(e.getMessage().contains("move it away"), "the file is sound: " + e.getMessage());
  }

  @Test
  void versionOneAndOneEntryFilesAreReadAsASetOfOne() throws IOException {
    SyncCheckpoints v1 = SyncCheckpoints.parse(SyncCheckpointTest.V1_FILE);
    assertEquals(Set.of(AuditLogScope.user()), v1.scopes());
    assertEquals(
        Map.of("actor.email", "a@example.com", "actor.ip", "192.0.2.1"),
        v1.get(AuditLogScope.user()).orElseThrow().filters());

    SyncCheckpoint one = advanced(AuditLogScope.account(A), "a1", "2026-01-02T00:00:00Z");
    Path file = dir.resolve("one.ckpt");
    one.save(file);
    assertEquals(Optional.of(SyncCheckpoints.empty().with(one)), SyncCheckpoints.load(file));
    assertEquals(Optional.empty(), SyncCheckpoints.load(dir.resolve("missing.ckpt")));
  }

  @Test
  void aBadScopeOrAScopeTwiceIsRefusedNamingIt() {
    String bad =
        "{\"version\":2,\"checkpoints\":[{\"scope\":\"accounts/ABC\",\"filters\":{},"
            + "\"newest\":null,\"seen\":{}}]}";
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoints.parse(bad));
    assertTrue(e.getMessage().contains("'accounts/ABC'"), e.getMessage());
    String twice =
        "{\"version\":2,\"checkpoints\":[{\"scope\":\"accounts/"
            + A
            + "\",\"filters\":{},\"newest\":null,\"seen\":{}},{\"scope\":\"accounts/"
            + A
            + "\",\"filters\":{},\"newest\":null,\"seen\":{}}]}";
    e = assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoints.parse(twice));
    assertTrue(
        e.getMessage().contains("two checkpoints of scope 'accounts/" + A + "'"), e.getMessage());
  }

  @Test
  void anEmptySetIsNotSaved() {
    assertThrows(IllegalStateException.class, () -> SyncCheckpoints.empty().save(dir.resolve("x")));
  }
}
