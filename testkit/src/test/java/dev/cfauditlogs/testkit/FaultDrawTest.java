package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A fault seed picks the same (request, attempt) pairs on every run, whatever the order in which
 * requests arrive: one at a time or eight at once.
 */
class FaultDrawTest {
  private static final Set<FaultKind> KINDS =
      EnumSet.of(FaultKind.SERVER_ERROR, FaultKind.RATE_LIMITED, FaultKind.BAD_GATEWAY_HTML);

  @Test
  void theSameSeedFaultsTheSameRequestAttemptsSequentiallyAndEightAtOnce() throws Exception {
    Map<String, String> sequential = rawMapping(11, 1, 0);
    assertTrue(sequential.containsValue("OK") && sequential.containsValue("SERVER_ERROR"));
    for (int run = 1; run <= 3; run++) {
      assertEquals(sequential, rawMapping(11, 8, run), "8 threads, arrival order shuffled " + run);
      assertEquals(sequential, rawMapping(11, 1, run), "1 thread, requests shuffled " + run);
    }
    assertNotEquals(sequential, rawMapping(12, 1, 0), "another seed, other faults");
  }

  /**
   * Sends page 1 to 30 three times each (a request's attempts in sequence, the requests in a
   * shuffled order on {@code threads} threads) and maps "page/attempt" to the fault or OK.
   */
  private static Map<String, String> rawMapping(long seed, int threads, long shuffle)
      throws Exception {
    List<Integer> pages = new ArrayList<>();
    for (int page = 1; page <= 30; page++) {
      pages.add(page);
    }
    if (shuffle != 0) {
      Collections.shuffle(pages, new Random(shuffle));
    }
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Records.small())
            .faults(0.4, KINDS, seed)
            .rateLimit(100_000, java.time.Duration.ofSeconds(300))
            .start()) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int page : pages) {
          done.add(
              pool.submit(
                  () -> {
                    for (int attempt = 1; attempt <= 3; attempt++) {
                      Http.get(emulator, "per_page=5&page=" + page);
                    }
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      return mapping(emulator.requests());
    }
  }

  @Test
  void aPaginatingClientMeetsTheSameFaultsAtConcurrencyOneAndEight() {
    Map<String, String> one = clientMapping(1);
    assertTrue(one.values().stream().anyMatch(f -> !f.equals("OK")), one.toString());
    for (int run = 0; run < 3; run++) {
      Map<String, String> eight = clientMapping(8);
      Map<String, String> common = new HashMap<>(eight);
      common.keySet().retainAll(one.keySet());
      Map<String, String> expected = new HashMap<>(one);
      expected.keySet().retainAll(eight.keySet());
      assertEquals(expected, common, "run " + run);
      assertTrue(common.keySet().containsAll(firstAttemptsOf(one)), "every page of run " + run);
    }
  }

  private static Map<String, String> clientMapping(int concurrency) {
    RecordingSleeper sleeper = RecordingSleeper.instant();
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(5, 300))
                .faults(0.3, KINDS, 3)
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .maxRetries(10)
                .concurrency(concurrency)
                .sleeper(sleeper)
                .build()) {
      long read = client.paginate(AuditLogQuery.builder().perPage(10).build()).stream().count();
      assertEquals(300, read);
      assertTrue(sleeper.count() > 0, "retries waited through the sleeper");
      return mapping(emulator.requests());
    }
  }

  private static Set<String> firstAttemptsOf(Map<String, String> mapping) {
    Set<String> first = new java.util.HashSet<>();
    mapping.keySet().stream().filter(k -> k.endsWith("#1")).forEach(first::add);
    return first;
  }

  /** "query#attempt" to the fault injected or OK, attempts numbered per query in arrival order. */
  private static Map<String, String> mapping(List<ReceivedRequest> requests) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, String> out = new TreeMap<>();
    for (ReceivedRequest r : requests) {
      String query = new TreeMap<>(r.query()).toString();
      int attempt = seen.merge(query, 1, Integer::sum);
      out.put(query + "#" + attempt, r.fault().map(Enum::name).orElse("OK"));
    }
    return out;
  }
}
