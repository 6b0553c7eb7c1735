package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's incremental-sync example is the compiled {@link ReadmeSyncExample}, word for word;
 * run twice as a process against a paging server and stopped with SIGTERM, it stores every record
 * once.
 */
class ReadmeSyncExampleTest {
  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    ReadmeSnippets.assertReadmeShows("ReadmeSyncExample", "SYNC-EXAMPLE");
  }

  @Test
  void theExampleStoresEveryRecordOnceAcrossARestart() throws Exception {
    server.withRecords(5);
    server.start(web);
    Path records = dir.resolve("audit.jsonl");
    runUntil(() -> lines(records).size() >= 5);
    server.add(Instant.parse("2026-01-01T00:00:02Z")); // late, in the newest second
    server.add(Instant.parse("2026-01-01T00:00:03Z"));
    runUntil(() -> lines(records).size() >= 7);

    List<String> ids =
        lines(records).stream()
            .map(l -> l.substring(l.indexOf("\"id\":\"") + 6, l.indexOf("\"id\":\"") + 16))
            .toList();
    assertEquals(server.expectedIds(true, Instant.MAX), ids, "each record once, oldest first");
    SyncCheckpoint saved = SyncCheckpoint.load(dir.resolve("audit.ckpt")).orElseThrow();
    assertTrue(saved.matches(AuditLogQuery.builder().actionType("login").build()));
    assertEquals(Instant.parse("2026-01-01T00:00:03Z"), saved.newestWhen().orElseThrow());
  }

  /** Runs the example until {@code done}, then stops it with SIGTERM. */
  private void runUntil(java.util.function.BooleanSupplier done) throws Exception {
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ReadmeSyncExample.class.getName())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("process.log").toFile());
    java.environment().remove("CLOUDFLARE_EMAIL");
    java.environment().remove("CLOUDFLARE_API_KEY");
    java.environment().put("CLOUDFLARE_API_TOKEN", ContractServer.TOKEN);
    java.environment().put("CLOUDFLARE_BASE_URL", web.url("/client/v4").toString());
    Process process = java.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!done.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(done.getAsBoolean(), () -> "the example did not deliver: " + log());
    } finally {
      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    }
    assertTrue(log().contains("sync: PollDone[newRecords="), log());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("process.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
