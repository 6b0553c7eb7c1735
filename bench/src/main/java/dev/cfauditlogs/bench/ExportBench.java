package dev.cfauditlogs.bench;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogCursor;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 2: exports every record of a testkit emulator that adds a fixed latency to every
 * response, once strictly sequentially (concurrency 1) and once with each concurrency asked for,
 * for each page size; reports wall time, requests and the speed-up, all measured in the same run
 * against the same server.
 */
final class ExportBench {
  static final Set<String> OPTIONS =
      Args.names("records", "latency-ms", "per-page", "concurrency", "rounds");

  /** One timed export. */
  record Run(
      int perPage,
      int concurrency,
      int round,
      long records,
      long duplicates,
      int requests,
      long nanos) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  /** What a whole benchmark measured. */
  record Result(int records, int latencyMs, List<Run> runs) {}

  private ExportBench() {}

  static Result run(Args args, PrintStream out) {
    int records = args.intValue("records", 100_000, 1, Dataset.MAX_SIZE);
    int latencyMs = args.intValue("latency-ms", 50, 0, 10_000);
    int[] perPages = args.intList("per-page", new int[] {1000, 100}, 1, AuditLogQuery.MAX_PER_PAGE);
    int[] concurrencies = args.intList("concurrency", new int[] {2, 4, 8}, 2, 16);
    int rounds = args.intValue("rounds", 1, 1, 10);

    out.printf("export: generating %,d synthetic records…%n", records);
    Dataset dataset = Dataset.synthetic(42, records);
    List<Run> runs = new ArrayList<>();
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(dataset)
            .latency(Duration.ofMillis(latencyMs))
            // The emulator's rate limit is not under test here: make it unreachable.
            .rateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1))
            .start()) {
      try (AuditLogsClient client =
          AuditLogsClient.builder()
              .baseUrl(emulator.baseUrl())
              .apiToken(emulator.apiToken())
              // Pacing is benchmark 4; here only latency and concurrency matter.
              .rateLimit(0, Duration.ofSeconds(1))
              .build()) {
        out.printf(
            "export: %,d records, %d ms latency per response; warming up…%n", records, latencyMs);
        export(emulator, client, AuditLogQuery.MAX_PER_PAGE, concurrencies[0], 0, latencyMs);
        for (int round = 1; round <= rounds; round++) {
          for (int perPage : perPages) {
            // Alternate which mode goes first, so a slow phase of the machine hits both alike.
            int[] order = new int[concurrencies.length + 1];
            order[0] = 1;
            System.arraycopy(concurrencies, 0, order, 1, concurrencies.length);
            if (round % 2 == 0) {
              order = reversed(order);
            }
            for (int p : order) {
              Run run = export(emulator, client, perPage, p, round, latencyMs);
              runs.add(run);
              out.printf(
                  "export: round %d per_page %4d concurrency %2d: %,9d records (%d duplicates) in %8.3f"
                      + " s, %5d requests, %6.1f ms/request%n",
                  round,
                  perPage,
                  p,
                  run.records(),
                  run.duplicates(),
                  run.seconds(),
                  run.requests(),
                  run.nanos() / 1e6 / run.requests());
              if (run.records() != records || run.duplicates() != 0) {
                throw new IllegalStateException(
                    "expected " + records + " distinct records but got " + run);
              }
            }
          }
        }
      }
    }
    Result result = new Result(records, latencyMs, runs);
    print(result, out);
    return result;
  }

  private static Run export(
      AuditLogEmulator emulator,
      AuditLogsClient client,
      int perPage,
      int concurrency,
      int round,
      int latencyMs) {
    AuditLogQuery query = AuditLogQuery.builder().perPage(perPage).build();
    int before = emulator.requestCount();
    Set<String> ids = new HashSet<>();
    long count = 0;
    long duplicates = 0;
    long started = System.nanoTime();
    try (AuditLogCursor cursor = client.paginate(query).withConcurrency(concurrency).iterator()) {
      while (cursor.hasNext()) {
        AuditLog log = cursor.next();
        if (!ids.add(log.id().orElseThrow())) {
          duplicates++;
        }
        count++;
      }
    }
    long nanos = System.nanoTime() - started;
    // A request fetched ahead and cancelled at the end may still reach the server: let it land
    // first.
    sleep(latencyMs + 200L);
    int requests = emulator.requestCount() - before;
    return new Run(perPage, concurrency, round, count, duplicates, requests, nanos);
  }

  static void print(Result result, PrintStream out) {
    out.printf(
        "%nexport summary (%,d records, %d ms latency per response):%n",
        result.records(), result.latencyMs());
    out.println(
        "| per_page | concurrency | round | wall time (s) | requests | speed-up vs sequential |");
    out.println("|---:|---:|---:|---:|---:|---:|");
    for (Run run : result.runs()) {
      Run sequential = null;
      for (Run other : result.runs()) {
        if (other.perPage() == run.perPage()
            && other.round() == run.round()
            && other.concurrency() == 1) {
          sequential = other;
        }
      }
      String speedUp =
          sequential == null || run.concurrency() == 1
              ? "1.00×"
              : String.format("%.2f×", (double) sequential.nanos() / run.nanos());
      out.printf(
          "| %d | %d | %d | %.2f | %d | %s |%n",
          run.perPage(), run.concurrency(), run.round(), run.seconds(), run.requests(), speedUp);
    }
  }

  private static int[] reversed(int[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[values.length - 1 - i];
    }
    return out;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
