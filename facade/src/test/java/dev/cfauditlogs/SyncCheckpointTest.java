package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint value: its text forms (version 1 as the CLI wrote it, version 2), files, filters.
 */
class SyncCheckpointTest {
  /** Exactly what the CLI's {@code follow} wrote before the library owned checkpoints (v1). */
  static final String V1_FILE =
      "{\n"
          + "  \"version\": 1,\n"
          + "  \"filters\": \"actor.email=a@example.com&actor.ip=192.0.2.1\",\n"
          + "  \"newest\": \"2026-01-01T00:10:00Z\",\n"
          + "  \"seen\": {\n"
          + "    \"rec-000007\": \"2026-01-01T00:09:59Z\",\n"
          + "    \"json:{\\\"action\\\":{\\\"type\\\":\\\"login\\\"}}\": \"2026-01-01T00:10:00Z\",\n"
          + "    \"rec-000008\": \"2026-01-01T00:10:00Z\"\n"
          + "  }\n"
          + "}";

  @TempDir Path dir;

  private static AuditLogQuery filters(String email, String ip) {
    return AuditLogQuery.builder().actorEmail(email).actorIp(ip).build();
  }

  private static SyncProgress progress(String actionType) {
    return new SyncProgress(
        SyncCheckpoint.start(AuditLogQuery.builder().actionType(actionType).build()));
  }

  @Test
  void aMissingCheckpointIsEmpty() throws IOException {
    assertEquals(Optional.empty(), SyncCheckpoint.load(dir.resolve("none.ckpt")));
    SyncCheckpoint c = SyncCheckpoint.start(AuditLogQuery.all());
    assertEquals(Optional.empty(), c.newestWhen());
    assertEquals(0, c.recentIds().size());
    assertEquals("all", c.describeFilters());
  }

  @Test
  void roundTripsAndPrunesToTheLookback() throws IOException {
    Path file = dir.resolve("a.ckpt");
    SyncProgress c = progress("login");
    c.add("old", Instant.parse("2026-01-01T00:00:00Z"));
    c.add("a", Instant.parse("2026-01-01T00:10:00Z"));
    c.add("b", Instant.parse("2026-01-01T00:10:00Z"));
    c.prune(Duration.ofMinutes(5));
    c.checkpoint().save(file);
    SyncCheckpoint back = SyncCheckpoint.load(file).orElseThrow();
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:10:00Z")), back.newestWhen());
    assertTrue(back.recentIds().containsKey("a") && back.recentIds().containsKey("b"));
    assertFalse(back.recentIds().containsKey("old"));
    assertEquals(Map.of("action.type", "login"), back.filters());
    assertEquals("action.type=login", back.describeFilters());
    assertEquals(c.checkpoint(), back);
    assertFalse(Files.exists(dir.resolve("a.ckpt.tmp")), "no temp file left");
  }

  @Test
  void aRecordWithoutWhenIsRememberedButNeverMovesTheCheckpoint() throws IOException {
    Path file = dir.resolve("w.ckpt");
    SyncProgress c = new SyncProgress(SyncCheckpoint.start(AuditLogQuery.all()));
    c.remember("json:{\"action\":{}}"); // first of all, with nothing to go by
    assertNull(c.newest());
    assertTrue(c.seen("json:{\"action\":{}}"));
    c.add("a", Instant.parse("2026-01-01T00:10:00Z"));
    c.remember("no-when");
    assertEquals(Instant.parse("2026-01-01T00:10:00Z"), c.newest());
    c.prune(Duration.ofMinutes(5));
    c.checkpoint().save(file);
    SyncProgress back = new SyncProgress(SyncCheckpoint.load(file).orElseThrow());
    assertEquals(Instant.parse("2026-01-01T00:10:00Z"), back.newest());
    assertTrue(back.seen("no-when"), "kept for the look-back like a record at the newest time");
    assertTrue(
        back.seen("json:{\"action\":{}}"),
        "one remembered before any 'when' is kept like a record at the newest time, too");
    back.add("b", Instant.parse("2026-01-01T00:16:00Z"));
    back.prune(Duration.ofMinutes(5));
    assertFalse(back.seen("no-when"), "forgotten with the records of its time");
    assertFalse(back.seen("json:{\"action\":{}}"), "forgotten with the records of its time");
  }

  @Test
  void aCorruptCheckpointIsRefusedClearly() throws IOException {
    Path file = dir.resolve("bad.ckpt");
    Files.writeString(file, "{\"version\": 1, \"filters\": \"all\", \"newest\": \"yesterday\"}");
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.load(file));
    assertTrue(e.getMessage().contains("not a cf-audit-logs checkpoint"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
    Files.writeString(file, "\u0000\u0001garbage");
    assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.load(file));
  }

  @Test
  void aVersionOneFileAsTheCliWroteItIsRead() {
    SyncCheckpoint v1 = SyncCheckpoint.parse(V1_FILE);
    assertEquals("user", v1.scope());
    assertEquals(Map.of("actor.email", "a@example.com", "actor.ip", "192.0.2.1"), v1.filters());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:10:00Z")), v1.newestWhen());
    assertEquals(
        List.of("rec-000007", "json:{\"action\":{\"type\":\"login\"}}", "rec-000008"),
        List.copyOf(v1.recentIds().keySet()));
    // The same filters given in another order, as AuditLogQuery.parameters() orders them.
    assertTrue(v1.matches(filters("a@example.com", "192.0.2.1")));
    assertTrue(v1.matches(filters("a@example.com", "192.0.2.1").toBuilder().perPage(7).build()));
    assertFalse(v1.matches(filters("b@example.com", "192.0.2.1")));
    assertFalse(v1.matches(AuditLogQuery.builder().actorEmail("a@example.com").build()));
    assertFalse(
        v1.matches(filters("a@example.com", "192.0.2.1").toBuilder().actionType("login").build()));
    // Written back as version 2, which reads back equal.
    String v2 = v1.render();
    assertTrue(v2.contains("\"version\": 2"), v2);
    assertEquals(v1, SyncCheckpoint.parse(v2));
  }

  @Test
  void versionOneFiltersOfEveryKindMatchTheSameQuery() {
    AuditLogQuery query =
        AuditLogQuery.builder()
            .id("abc")
            .actionType("a&b=c")
            .actorEmail("o'neil+audit@example.org")
            .actorIp("2001:db8::/32")
            .zoneName("example.com")
            .hideUserLogs(true)
            .since(Instant.parse("2026-01-01T00:00:00Z"))
            .direction(Direction.ASC)
            .build();
    String v1 =
        "{\"version\":1,\"filters\":\"id=abc&action.type=a&b=c&actor.email=o'neil+audit@example.org"
            + "&actor.ip=2001:db8::/32&zone.name=example.com&hide_user_logs=true\","
            + "\"newest\":null,\"seen\":{}}";
    assertTrue(SyncCheckpoint.parse(v1).matches(query));
    assertTrue(
        SyncCheckpoint.parse("{\"version\":1,\"filters\":\"all\",\"newest\":null,\"seen\":{}}")
            .matches(AuditLogQuery.builder().perPage(10).build()));
    assertFalse(SyncCheckpoint.parse(v1).matches(AuditLogQuery.all()));
  }

  @Test
  void versionTwoHoldsOneCheckpointPerScopeAndOneCheckpointReadsOnlyOne() {
    String two =
        "{\"version\":2,\"checkpoints\":[{\"scope\":\"user\",\"filters\":{},\"newest\":null,"
            + "\"seen\":{}},{\"scope\":\"user\",\"filters\":{},\"newest\":null,\"seen\":{}}]}";
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.parse(two));
    assertTrue(e.getMessage().contains("two checkpoints of scope 'user'"), e.getMessage());
    String twoScopes =
        two.replaceFirst("\"user\"", "\"accounts/" + AuditLogScopeTest.ACCOUNT + "\"");
    e = assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.parse(twoScopes));
    assertTrue(e.getMessage().contains("read it with SyncCheckpoints"), e.getMessage());
    assertEquals(2, SyncCheckpoints.parse(twoScopes).size());
    String account =
        "{\"version\":2,\"checkpoints\":[{\"scope\":\"account:0123\",\"filters\":{},"
            + "\"newest\":null,\"seen\":{}}]}";
    e = assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.parse(account));
    assertTrue(e.getMessage().contains("account:0123"), e.getMessage());
    e =
        assertThrows(
            InvalidCheckpointException.class,
            () -> SyncCheckpoint.parse("{\"version\":3,\"checkpoints\":[]}"));
    assertTrue(e.getMessage().contains("version"), e.getMessage());
    String unknownField =
        "{\"version\":2,\"later\":[1],\"checkpoints\":[{\"scope\":\"user\",\"x\":{},"
            + "\"filters\":{\"zone.name\":\"example.com\"},\"newest\":null,\"seen\":{}}]}";
    assertEquals(Map.of("zone.name", "example.com"), SyncCheckpoint.parse(unknownField).filters());
  }

  @Test
  void theRenderedFormIsTheDocumentedOne() {
    SyncProgress p =
        new SyncProgress(
            SyncCheckpoint.start(
                AuditLogQuery.builder()
                    .actorEmail("a@example.com")
                    .actorIp("192.0.2.1")
                    .perPage(10)
                    .since(Instant.parse("2026-01-01T00:00:00Z"))
                    .build()));
    p.add("rec-1", Instant.parse("2026-01-01T00:10:00Z"));
    assertEquals(
        "{\n"
            + "  \"version\": 2,\n"
            + "  \"checkpoints\": [\n"
            + "    {\n"
            + "      \"scope\": \"user\",\n"
            + "      \"filters\": {\n"
            + "        \"actor.ip\": \"192.0.2.1\",\n"
            + "        \"actor.email\": \"a@example.com\"\n"
            + "      },\n"
            + "      \"newest\": \"2026-01-01T00:10:00Z\",\n"
            + "      \"seen\": {\n"
            + "        \"rec-1\": \"2026-01-01T00:10:00Z\"\n"
            + "      }\n"
            + "    }\n"
            + "  ]\n"
            + "}",
        p.checkpoint().render());
  }

  @Test
  void aFileTooLargeToBeACheckpointIsRefusedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("huge.ckpt");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(SyncCheckpoint.MAX_BYTES + 1);
    }
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> SyncCheckpoint.load(file));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }
}
