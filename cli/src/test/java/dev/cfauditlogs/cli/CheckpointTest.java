package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  @Test
  void aMissingCheckpointIsEmpty() throws IOException {
    Checkpoint c = Checkpoint.read(dir.resolve("none.ckpt"), "all");
    assertNull(c.newest());
    assertEquals(0, c.seenCount());
  }

  @Test
  void roundTripsAndPrunesToTheLookback() throws IOException {
    Path file = dir.resolve("a.ckpt");
    Checkpoint c = new Checkpoint("action.type=login");
    c.add("old", Instant.parse("2026-01-01T00:00:00Z"));
    c.add("a", Instant.parse("2026-01-01T00:10:00Z"));
    c.add("b", Instant.parse("2026-01-01T00:10:00Z"));
    c.prune(Duration.ofMinutes(5));
    c.write(file);
    Checkpoint back = Checkpoint.read(file, "action.type=login");
    assertEquals(Instant.parse("2026-01-01T00:10:00Z"), back.newest());
    assertTrue(back.seen("a") && back.seen("b"));
    assertFalse(back.seen("old"));
    assertEquals("action.type=login", back.filters());
    assertFalse(Files.exists(dir.resolve("a.ckpt.tmp")), "no temp file left");
  }

  @Test
  void aRecordWithoutWhenIsRememberedButNeverMovesTheCheckpoint() throws IOException {
    Path file = dir.resolve("w.ckpt");
    Checkpoint c = new Checkpoint("all");
    c.remember("json:{\"action\":{}}"); // first of all, with nothing to go by
    assertNull(c.newest());
    assertTrue(c.seen("json:{\"action\":{}}"));
    c.add("a", Instant.parse("2026-01-01T00:10:00Z"));
    c.remember("no-when");
    assertEquals(Instant.parse("2026-01-01T00:10:00Z"), c.newest());
    c.prune(Duration.ofMinutes(5));
    c.write(file);
    Checkpoint back = Checkpoint.read(file, "all");
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
    Failures.CliException e =
        assertThrows(Failures.CliException.class, () -> Checkpoint.read(file, "all"));
    assertEquals(ExitCode.USAGE, e.exitCode);
    assertTrue(e.getMessage().contains("not a cf-audit-logs checkpoint"), e.getMessage());
    Files.writeString(file, "\u0000\u0001garbage");
    assertThrows(Failures.CliException.class, () -> Checkpoint.read(file, "all"));
  }

  @Test
  void aTornLastLineIsCutOffWhenAppending() throws IOException {
    Path file = dir.resolve("out.jsonl");
    Files.writeString(file, "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\",\"ha");
    try (AppendOnlyFile out = AppendOnlyFile.open(file, RecordEnds.LINES)) {
      out.writer().write("{\"id\":\"3\"}\n");
      out.flushAndSync();
    }
    assertEquals(
        "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\"}\n",
        Files.readString(file, StandardCharsets.UTF_8));
    Files.writeString(file, "no newline at all");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      assertEquals(0, RecordEnds.LINES.completeLength(ch));
    }
  }
}
