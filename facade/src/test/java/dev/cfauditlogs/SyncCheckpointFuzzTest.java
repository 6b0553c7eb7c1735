package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing of {@link SyncCheckpoint#load}: random bytes, mutated and truncated real checkpoints,
 * wrong types and deep nesting yield a checkpoint or an {@link InvalidCheckpointException} (seeded;
 * {@code -Dcheckpoint.tries}, default 2,000). A checkpoint read back equals what was written.
 */
class SyncCheckpointFuzzTest {
  private static final int TRIES = Integer.getInteger("checkpoint.tries", 2_000);
  private static final String MUTATION = "{}[],:\"\\0123456789-+.eEnultrfasZT \n\u00e9";

  @TempDir Path dir;

  private byte[] real(SplittableRandom r) throws IOException {
    SyncProgress c =
        new SyncProgress(
            SyncCheckpoint.start(
                r.nextBoolean()
                    ? AuditLogQuery.all()
                    : AuditLogQuery.builder().actionType("login").actorIp("::1").build()));
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      c.add(
          r.nextBoolean() ? "id-" + i : "json:{\"a\":" + i + "}", base.plusSeconds(r.nextInt(600)));
    }
    Path file = dir.resolve("real.ckpt");
    c.checkpoint().save(file);
    return Files.readAllBytes(file);
  }

  private static byte[] mutate(byte[] bytes, SplittableRandom r) {
    StringBuilder s = new StringBuilder(new String(bytes, StandardCharsets.UTF_8));
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = r.nextInt(s.length());
      char c = MUTATION.charAt(r.nextInt(MUTATION.length()));
      switch (r.nextInt(4)) {
        case 0 -> s.setLength(at);
        case 1 -> s.deleteCharAt(at);
        case 2 -> s.insert(at, c);
        default -> s.setCharAt(at, c);
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void readTyped(byte[] bytes) throws IOException {
    Path file = dir.resolve("fuzz.ckpt");
    Files.write(file, bytes);
    try {
      SyncCheckpoint.load(file).ifPresent(c -> assertTrue(c.filters() != null));
    } catch (InvalidCheckpointException e) {
      assertTrue(e.getMessage().contains("checkpoint " + file), e.getMessage());
    } catch (RuntimeException | Error e) {
      fail("untyped " + e + " from " + new String(bytes, StandardCharsets.UTF_8), e);
    }
  }

  @Test
  void anyBytesYieldACheckpointOrAUsageError() throws IOException {
    SplittableRandom random = new SplittableRandom(Long.getLong("checkpoint.seed", 20261122L));
    for (int t = 0; t < TRIES; t++) {
      byte[] bytes;
      switch (t % 4) {
        case 0 -> bytes = mutate(real(random), random);
        case 1 -> {
          bytes = new byte[random.nextInt(200)];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
          }
        }
        case 2 -> {
          String[] values = {"null", "1", "1.5", "-1", "\"x\"", "[]", "{}", "true", "1e999"};
          String v = values[random.nextInt(values.length)];
          String[] shapes = {
            "{\"version\":" + v + ",\"filters\":\"all\",\"newest\":null,\"seen\":{}}",
            "{\"version\":1,\"filters\":" + v + ",\"newest\":null,\"seen\":{}}",
            "{\"version\":1,\"filters\":\"all\",\"newest\":" + v + ",\"seen\":{}}",
            "{\"version\":1,\"filters\":\"all\",\"newest\":null,\"seen\":" + v + "}",
            "{\"version\":1,\"filters\":\"all\",\"seen\":{\"a\":" + v + "}}",
            v
          };
          bytes = shapes[random.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8);
        }
        default -> {
          int depth = 1 + random.nextInt(100_000);
          bytes =
              ("{\"version\":1,\"filters\":\"all\",\"x\":"
                      + "[".repeat(depth)
                      + "]".repeat(depth)
                      + ",\"seen\":{}}")
                  .getBytes(StandardCharsets.UTF_8);
        }
      }
      readTyped(bytes);
    }
  }

  @Test
  void aCheckpointReadsBackAsWritten() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    for (int t = 0; t < 200; t++) {
      Path file = dir.resolve("rt.ckpt");
      SyncProgress c =
          new SyncProgress(
              SyncCheckpoint.start(
                  AuditLogQuery.builder().actorEmail("o'neil+audit@example.org").build()));
      Instant base =
          Instant.ofEpochSecond(
              random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        c.add("id-\u00e9\"\\" + i, base.minusMillis(random.nextInt(1_000_000)));
      }
      c.prune(Duration.ofMinutes(5));
      c.checkpoint().save(file);
      SyncProgress back = new SyncProgress(SyncCheckpoint.load(file).orElseThrow());
      assertEquals(c.checkpoint().filters(), back.checkpoint().filters());
      assertEquals(c.newest(), back.newest());
      assertEquals(c.seenCount(), back.seenCount());
      for (int i = 0; i < n; i++) {
        assertEquals(c.seen("id-\u00e9\"\\" + i), back.seen("id-\u00e9\"\\" + i));
      }
    }
  }
}
