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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code follow}s on one checkpoint, or appending to one output file, at the same time: the
 * second is refused at its start (exit 2, before any request, nothing written), and the lock goes
 * with the first process however it ends.
 */
class FollowLockIT {
  private static final String RECORD =
      "{\"id\":\"rec-1\",\"when\":\"2026-01-01T00:00:01Z\",\"action\":{\"type\":\"login\"}}";

  @TempDir Path dir;

  private static boolean holds(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aSecondFollowOnTheSameCheckpointOrOutputIsRefusedUntilTheFirstEnds() throws Exception {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(RECORD))).start()) {
      Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      Path checkpoint = dir.resolve("a.ckpt");
      Path out = dir.resolve("a.jsonl");
      String[] first = {
        "follow",
        "--checkpoint",
        checkpoint.toString(),
        "--output",
        out.toString(),
        "--interval",
        "1h"
      };
      try (RunningJar running = RunningJar.start(env, first)) {
        running.awaitOutput(jar -> holds(out, "rec-1") && holds(checkpoint, "rec-1"), 60);
        int requests = emulator.requestCount();
        String checkpointText = Files.readString(checkpoint);

        Path otherOut = dir.resolve("b.jsonl");
        JarRunner.Result sameCheckpoint =
            JarRunner.run(
                env,
                "follow",
                "--once",
                "--checkpoint",
                checkpoint.toString(),
                "--output",
                otherOut.toString());
        assertEquals(2, sameCheckpoint.exitCode(), sameCheckpoint.all());
        assertTrue(
            sameCheckpoint
                .stderr()
                .contains("another follow holds the checkpoint " + checkpoint + " "),
            sameCheckpoint.stderr());
        assertFalse(sameCheckpoint.stderr().contains(".tmp"), sameCheckpoint.stderr());
        assertFalse(Files.exists(otherOut), "nothing written");

        JarRunner.Result sameOutput =
            JarRunner.run(
                env,
                "follow",
                "--once",
                "--checkpoint",
                dir.resolve("b.ckpt").toString(),
                "--output",
                out.toString());
        assertEquals(2, sameOutput.exitCode(), sameOutput.all());
        assertTrue(
            sameOutput.stderr().contains("another follow is appending to " + out + ";"),
            sameOutput.stderr());

        assertEquals(requests, emulator.requestCount(), "refused before any request");
        assertEquals(RECORD + "\n", Files.readString(out), "the output holds the record once");
        assertEquals(checkpointText, Files.readString(checkpoint));

        running.process().destroyForcibly(); // SIGKILL: the operating system drops the locks
        running.await(30);
      }

      JarRunner.Result after =
          JarRunner.run(
              env,
              "follow",
              "--once",
              "--checkpoint",
              checkpoint.toString(),
              "--output",
              out.toString());
      assertEquals(0, after.exitCode(), after.all());
      assertEquals(RECORD + "\n", Files.readString(out), "no record twice");
    }
  }
}
