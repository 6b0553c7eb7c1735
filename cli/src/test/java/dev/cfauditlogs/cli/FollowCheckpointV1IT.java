package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint file of version 1, exactly as {@code follow} wrote it before the library owned
 * checkpoints, still works with the real jar: for the same filters it resumes (the filters now come
 * from the query's parameters, in another order) and is written back as version 2; for other
 * filters it is refused with exit 2 before any request, as before.
 */
class FollowCheckpointV1IT {
  @TempDir Path dir;

  private static String record(int i) {
    return "{\"id\":\"rec-"
        + i
        + "\",\"when\":\"2026-01-01T00:00:0"
        + i
        + "Z\",\"action\":{\"type\":\"login\",\"result\":true},"
        + "\"actor\":{\"id\":\"a1\",\"email\":\"a@example.com\",\"ip\":\"192.0.2.1\",\"type\":\"user\"},"
        + "\"interface\":\"API\",\"metadata\":{},\"newValue\":\"\",\"oldValue\":\"\","
        + "\"owner\":{\"id\":\"o1\"},\"resource\":{\"id\":\"r"
        + i
        + "\",\"type\":\"account\"}}";
  }

  private static final String V1 =
      "{\n"
          + "  \"version\": 1,\n"
          + "  \"filters\": \"actor.email=a@example.com&actor.ip=192.0.2.1\",\n"
          + "  \"newest\": \"2026-01-01T00:00:04Z\",\n"
          + "  \"seen\": {\n"
          + "    \"rec-0\": \"2026-01-01T00:00:00Z\",\n"
          + "    \"rec-1\": \"2026-01-01T00:00:01Z\",\n"
          + "    \"rec-2\": \"2026-01-01T00:00:02Z\",\n"
          + "    \"rec-3\": \"2026-01-01T00:00:03Z\",\n"
          + "    \"rec-4\": \"2026-01-01T00:00:04Z\"\n"
          + "  }\n"
          + "}";

  @Test
  void aVersionOneCheckpointResumesForTheSameFiltersAndIsRefusedForOthers() throws Exception {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(record(i));
    }
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(records)).start()) {
      Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      Path other = Files.writeString(dir.resolve("other.ckpt"), V1);
      JarRunner.Result refused =
          JarRunner.run(
              env,
              "follow",
              "--once",
              "--checkpoint",
              other.toString(),
              "--actor-email",
              "a@example.com");
      assertEquals(2, refused.exitCode(), refused.all());
      assertTrue(
          refused
              .stderr()
              .contains(
                  "was made for other filters (actor.email=a@example.com&actor.ip=192.0.2.1)"),
          refused.stderr());
      assertEquals(V1, Files.readString(other), "left as it was");
      assertEquals(0, emulator.requestCount(), "refused before any request");

      Path same = Files.writeString(dir.resolve("same.ckpt"), V1);
      JarRunner.Result resumed =
          JarRunner.run(
              env,
              "follow",
              "--once",
              "--checkpoint",
              same.toString(),
              "--actor-ip",
              "192.0.2.1",
              "--actor-email",
              "a@example.com");
      assertEquals(0, resumed.exitCode(), resumed.all());
      assertEquals(records.subList(5, 10), resumed.lines(), "only what came after, once");
      String written = Files.readString(same);
      assertTrue(written.contains("\"version\": 2"), written);
      assertTrue(written.contains("\"actor.email\": \"a@example.com\""), written);
      assertTrue(written.contains("\"newest\": \"2026-01-01T00:00:09Z\""), written);
    }
  }
}
