package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code follow} as a newcomer meets it, through the real jar: a checkpoint path that cannot be
 * written is refused before anything is fetched, and {@code follow --once} ends with one summary
 * line on stderr.
 */
class FollowFirstRunIT {
  @TempDir Path dir;

  private static AuditLogEmulator emulator(int records) {
    return AuditLogEmulator.builder()
        .dataset(Dataset.synthetic(5, records))
        .accounts(Log.ID)
        .start();
  }

  private void assertRefusedBeforeFetching(Log log, Path checkpoint) throws IOException {
    try (AuditLogEmulator emulator = emulator(20)) {
      JarRunner.Result r =
          JarRunner.run(
              JarRunner.env(emulator.baseUrl(), emulator.apiToken()),
              log.args("follow", "--once", "--checkpoint", checkpoint.toString()));
      assertEquals(2, r.exitCode(), r.all());
      assertTrue(r.stderr().startsWith("cf-audit-logs: "), r.stderr());
      assertTrue(r.stderr().contains(checkpoint.toString()), "names the path: " + r.stderr());
      assertEquals("", r.stdout());
      assertEquals(0, emulator.requestCount(), "nothing fetched");
    }
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void aCheckpointInAMissingDirectoryIsRefused(Log log) throws IOException {
    assertRefusedBeforeFetching(log, dir.resolve("missing").resolve("sync.ckpt"));
    assertFalse(Files.exists(dir.resolve("missing")));
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void aCheckpointThatIsADirectoryIsRefused(Log log) throws IOException {
    Path checkpoint = Files.createDirectory(dir.resolve("sync.ckpt"));
    assertRefusedBeforeFetching(log, checkpoint);
    assertTrue(Files.isDirectory(checkpoint));
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void aCheckpointUnderAFileIsRefused(Log log) throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
    assertRefusedBeforeFetching(log, file.resolve("sync.ckpt"));
    assertEquals("not a directory", Files.readString(file));
  }

  @ParameterizedTest
  @EnumSource(Log.class)
  void aCheckpointInAReadOnlyDirectoryIsRefused(Log log) throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    assertTrue(readOnly.toFile().setWritable(false, false));
    try {
      Assumptions.assumeFalse(
          Files.isWritable(readOnly), "this user (root?) may write into read-only directories");
      assertRefusedBeforeFetching(log, readOnly.resolve("sync.ckpt"));
    } finally {
      assertTrue(readOnly.toFile().setWritable(true, false));
    }
  }

  @Test
  void followOnceSaysOnStderrWhatItDid() {
    try (AuditLogEmulator emulator = emulator(25)) {
      Path checkpoint = dir.resolve("sync.ckpt");
      String[] args = {
        "follow", "--once", "--checkpoint", checkpoint.toString(), "--per-page", "10"
      };
      JarRunner.Result first =
          JarRunner.run(JarRunner.env(emulator.baseUrl(), emulator.apiToken()), args);
      assertEquals(0, first.exitCode(), first.all());
      assertEquals(25, first.lines().size());
      assertSummary(first.stderr(), 25, 3, emulator.requestCount(), checkpoint);

      int before = emulator.requestCount();
      emulator.appendSynthetic(2);
      JarRunner.Result second =
          JarRunner.run(JarRunner.env(emulator.baseUrl(), emulator.apiToken()), args);
      assertEquals(0, second.exitCode(), second.all());
      assertEquals(2, second.lines().size());
      assertSummary(second.stderr(), 2, 1, emulator.requestCount() - before, checkpoint);
    }
  }

  /** The one line: records written, pages delivered, requests that reached the server, the file. */
  private static void assertSummary(
      String stderr, int records, int pages, int requests, Path checkpoint) {
    List<String> lines = stderr.lines().toList();
    assertEquals(1, lines.size(), stderr);
    Matcher m =
        Pattern.compile(
                "cf-audit-logs: follow --once: (\\d+) records? written \\((\\d+) pages? delivered,"
                    + " (\\d+) requests?\\); checkpoint saved to (.+)")
            .matcher(lines.get(0));
    assertTrue(m.matches(), stderr);
    assertEquals(records, Integer.parseInt(m.group(1)), stderr);
    assertEquals(pages, Integer.parseInt(m.group(2)), stderr);
    assertEquals(requests, Integer.parseInt(m.group(3)), "requests the emulator saw: " + stderr);
    assertEquals(checkpoint.toString(), m.group(4));
  }
}
