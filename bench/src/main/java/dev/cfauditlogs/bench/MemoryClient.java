package dev.cfauditlogs.bench;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogCursor;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;

/**
 * The client side of benchmark 3, run in its own JVM with a small heap: streams every record of a
 * {@link GeneratingServer} through the iterator, checks with a bit set that each id arrived once,
 * and prints one {@code RESULT} line with the counts and the heap it needed.
 *
 * <p>Arguments: base URL, API token, expected number of records, concurrency.
 */
public final class MemoryClient {
  /** How often (in records) the live heap is measured after a full collection. */
  static final int LIVE_CHECK_EVERY = 100_000;

  private MemoryClient() {}

  /** Runs the stream; see the class description for the arguments. */
  public static void main(String[] args) {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: MemoryClient BASE_URL TOKEN RECORDS CONCURRENCY");
    }
    String baseUrl = args[0];
    String token = args[1];
    int expected = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    BitSet seen = new BitSet(expected);
    long records = 0;
    long duplicates = 0;
    long outOfRange = 0;
    long whenChecksum = 0;
    long maxLive = 0;
    long started = System.nanoTime();
    try (HeapWatch heap = new HeapWatch();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(baseUrl)
                .apiToken(token)
                // Memory is under test, not pacing: 1,000 pages would be near Cloudflare's quota.
                .rateLimit(0, Duration.ofSeconds(1))
                .build();
        AuditLogCursor cursor =
            client.paginate(AuditLogQuery.all()).withConcurrency(concurrency).iterator()) {
      while (cursor.hasNext()) {
        AuditLog log = cursor.next();
        records++;
        whenChecksum += log.when().map(Instant::getEpochSecond).orElse(0L);
        String id = log.id().orElse("");
        long index =
            id.startsWith(GeneratingServer.ID_PREFIX)
                ? Long.parseLong(id.substring(GeneratingServer.ID_PREFIX.length()), 16)
                : -1;
        if (records % LIVE_CHECK_EVERY == 0) {
          // What the iteration really holds at this moment: the page being consumed, the pages
          // fetched ahead
          // pages, buffers. A full collection leaves only that (and this harness's bit set).
          System.gc();
          maxLive = Math.max(maxLive, HeapWatch.usedNow());
        }
        if (index < 0 || index >= expected) {
          outOfRange++;
        } else if (seen.get((int) index)) {
          duplicates++;
        } else {
          seen.set((int) index);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "RESULT records=%d distinct=%d duplicates=%d outOfRange=%d missing=%d seconds=%.2f"
              + " peakUsed=%d poolPeakSum=%d maxAfterGc=%d liveAfterFullGc=%d maxHeap=%d"
              + " whenChecksum=%d gc=%s%n",
          records,
          seen.cardinality(),
          duplicates,
          outOfRange,
          expected - seen.cardinality(),
          seconds,
          heap.peakUsed(),
          heap.poolPeakSum(),
          heap.maxAfterGc(),
          maxLive,
          HeapWatch.maxHeap(),
          whenChecksum,
          HeapWatch.collectors());
    }
  }
}
