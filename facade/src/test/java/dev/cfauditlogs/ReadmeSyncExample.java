package dev.cfauditlogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The incremental-sync example in the root README ("Incremental sync in a Java service"), compiled
 * by the build; {@link ReadmeSyncExampleTest} checks that the README shows exactly this code and
 * runs it.
 */
final class ReadmeSyncExample {
  private ReadmeSyncExample() {}

  public static void main(String[] args) throws IOException {
    // SYNC-EXAMPLE-START
    Path checkpointFile = Path.of("audit.ckpt");
    Path recordsFile = Path.of("audit.jsonl");
    AuditLogQuery query = AuditLogQuery.builder().actionType("login").build();
    try (AuditLogsClient client = AuditLogsClient.fromEnv()) {
      AuditLogFollower follower =
          AuditLogFollower.builder(client, query)
              .interval(Duration.ofMinutes(1)) // between passes; also the longest backoff
              .lookback(Duration.ofMinutes(5)) // late arrivals up to 5 min behind are picked up
              .onEvent(event -> System.err.println("sync: " + event)) // passes, failures waited out
              .build();
      Thread worker = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> { // SIGTERM: finish the page being stored, save, return
                    follower.stop();
                    try {
                      worker.join(30_000);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      SyncCheckpoint from =
          SyncCheckpoint.load(checkpointFile).orElseGet(() -> SyncCheckpoint.start(query));
      follower.run( // until stopped; throws what retrying cannot fix (e.g. a revoked token)
          from,
          (records, checkpoint) -> {
            StringBuilder lines = new StringBuilder();
            records.forEach(log -> lines.append(log.json()).append('\n'));
            Files.writeString(
                recordsFile, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            checkpoint.save(checkpointFile); // only after the records it covers are stored
          });
    }
    // SYNC-EXAMPLE-END
  }
}
