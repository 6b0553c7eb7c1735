package dev.cfauditlogs.bench;

import dev.cfauditlogs.AuditLogCursor;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.ReceivedRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark 4: paginates a testkit emulator that enforces a small rate limit (by default 60
 * requests per 15 s, announced in its {@code Ratelimit-Policy} header and enforced with 429s) with
 * a client on its default settings, for a few windows; reports the achieved request rate as a
 * fraction of the allowed rate and the number of 429s.
 */
final class PacingBench {
  static final Set<String> OPTIONS = Args.names("quota", "window-s", "windows", "per-page");

  /** What one run measured. */
  record Result(
      int quota,
      int windowSeconds,
      int windows,
      int inInterval,
      int total,
      int tooMany,
      Map<Integer, Integer> statuses,
      List<Integer> perServerWindow,
      double steadyRate,
      long records) {
    int allowed() {
      return quota * windows;
    }

    double fraction() {
      return (double) inInterval / allowed();
    }

    double allowedRate() {
      return (double) quota / windowSeconds;
    }
  }

  private PacingBench() {}

  static Result run(Args args, PrintStream out) {
    int quota = args.intValue("quota", 60, 1, 10_000);
    int windowSeconds = args.intValue("window-s", 15, 1, 3600);
    int windows = args.intValue("windows", 3, 1, 100);
    int perPage = args.intValue("per-page", 10, 1, AuditLogQuery.MAX_PER_PAGE);
    // Enough records that the export cannot end before the time is up (two spare windows' worth).
    long needed = (long) quota * (windows + 2) * perPage;
    int records = (int) Math.min(Dataset.MAX_SIZE, needed);
    Duration window = Duration.ofSeconds(windowSeconds);
    Duration interval = window.multipliedBy(windows);
    out.printf(
        "pacing: server allows %d requests per %d s; paginating %,d records (per_page %d) for %d"
            + " windows (%d s) with a default client…%n",
        quota, windowSeconds, records, perPage, windows, interval.toSeconds());
    long recordsRead = 0;
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(7, records))
            .rateLimit(quota, window)
            .start()) {
      // Default client settings: Cloudflare's 1200 per 5 minutes until the server's
      // Ratelimit-Policy replaces it, default retries (a 429 would be retried after its wait).
      try (AuditLogsClient client =
          AuditLogsClient.builder()
              .baseUrl(emulator.baseUrl())
              .apiToken(emulator.apiToken())
              .build()) {
        long deadline = System.nanoTime() + interval.toNanos();
        try (AuditLogCursor cursor =
            client.paginate(AuditLogQuery.builder().perPage(perPage).build()).iterator()) {
          while (System.nanoTime() < deadline && cursor.hasNext()) {
            cursor.next();
            recordsRead++;
          }
        }
      }
      List<ReceivedRequest> requests = new ArrayList<>(emulator.requests());
      requests.sort(Comparator.comparing(ReceivedRequest::receivedAt));
      Map<Integer, Integer> statuses = emulator.statusCounts();
      int inInterval = 0;
      List<Integer> perWindow = new ArrayList<>();
      List<Instant> windowStarts = new ArrayList<>();
      if (!requests.isEmpty()) {
        Instant first = requests.get(0).receivedAt();
        Instant end = first.plus(interval);
        // The emulator's windows: each starts with the first request counted after the last ended.
        Instant windowEnd = null;
        for (ReceivedRequest r : requests) {
          if (r.receivedAt().isBefore(end) && r.status() == 200) {
            inInterval++;
          }
          if (windowEnd == null || !r.receivedAt().isBefore(windowEnd)) {
            windowEnd = r.receivedAt().plus(window);
            windowStarts.add(r.receivedAt());
            perWindow.add(0);
          }
          perWindow.set(perWindow.size() - 1, perWindow.get(perWindow.size() - 1) + 1);
        }
      }
      // The long-run rate: the requests of every server window but the last, over the time from the
      // first window's start to the last one's (NaN with fewer than two windows).
      double steadyRate = Double.NaN;
      if (windowStarts.size() >= 2) {
        int full = 0;
        for (int i = 0; i < perWindow.size() - 1; i++) {
          full += perWindow.get(i);
        }
        Duration span =
            Duration.between(windowStarts.get(0), windowStarts.get(windowStarts.size() - 1));
        steadyRate = full / (span.toNanos() / 1e9);
      }
      Result result =
          new Result(
              quota,
              windowSeconds,
              windows,
              inInterval,
              requests.size(),
              statuses.getOrDefault(429, 0),
              statuses,
              perWindow,
              steadyRate,
              recordsRead);
      print(result, out);
      return result;
    }
  }

  static void print(Result r, PrintStream out) {
    out.printf(
        "%npacing summary (server limit %d requests / %d s = %.2f requests/s, %d windows = %d s):%n",
        r.quota(),
        r.windowSeconds(),
        r.allowedRate(),
        r.windows(),
        r.windowSeconds() * r.windows());
    out.printf(
        "  %d successful requests in the %d s from the first one, of %d allowed: %.1f %% of the"
            + " allowed rate%n",
        r.inInterval(), r.windowSeconds() * r.windows(), r.allowed(), 100 * r.fraction());
    out.printf(
        "  long-run rate (every server window but the last, over the time between their starts):"
            + " %.3f requests/s = %.1f %% of the allowed rate%n",
        r.steadyRate(), 100 * r.steadyRate() / r.allowedRate());
    out.printf(
        "  429s: %d; %d requests in all, statuses %s; requests per server window %s; %,d records"
            + " read%n",
        r.tooMany(), r.total(), r.statuses(), r.perServerWindow(), r.records());
  }
}
