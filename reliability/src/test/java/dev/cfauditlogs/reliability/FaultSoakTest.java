package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.Direction;
import dev.cfauditlogs.Sleeper;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import dev.cfauditlogs.testkit.FaultKind;
import dev.cfauditlogs.testkit.ReceivedRequest;
import dev.cfauditlogs.testkit.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main promise, under a bad network: every record of an export arrives exactly once, in the
 * server's order, byte for byte, although a fifth of all responses fail (429, 500, 502 HTML,
 * connection reset, truncated body, slow past the timeout); live appends during a newest-first
 * export neither shift nor duplicate anything; and retention deleting the oldest records during an
 * oldest-first backfill costs no record that survives it.
 *
 * <p>Sizes: {@code -Dsoak.records} (default 50,000), {@code -Dsoak.perPage} (default 500), {@code
 * -Dsoak.faultRate} (default 0.2), {@code -Dsoak.liveRecords} (default 10,000).
 *
 * <p>Every case runs for the user's log and for an account's ({@link Scopes}): the same guarantees
 * hold for both. To keep CI's time, the account runs are smaller where a case is long: the soak
 * with a tenth of the records ({@code -Dsoak.accountRecords}, default 5,000), live appends with a
 * fifth ({@code -Dsoak.accountLiveRecords}, default 2,000), retention once (newest first) with
 * 1,500 records, and offset paging under appends with 2,000; the user runs keep their sizes.
 */
class FaultSoakTest {
  private static final Set<FaultKind> ALL_FAULTS = EnumSet.allOf(FaultKind.class);

  private static AuditLogEmulator.Builder faultyEmulator(
      AuditLogScope scope, int records, long seed, double rate) {
    return Scopes.serving(AuditLogEmulator.builder(), scope)
        .dataset(Dataset.synthetic(seed, records))
        .apiToken(Secrets.TOKEN)
        .faults(rate, ALL_FAULTS, seed)
        .slowFaultDelay(Duration.ofMillis(2500))
        .rateLimit(100_000, Duration.ofMinutes(5));
  }

  /**
   * Survives a 20 % fault rate: timeout below the SLOW delay, 8 retries; its backoff and {@code
   * retry-after} waits are recorded, not slept.
   */
  private static AuditLogsClient client(AuditLogEmulator emulator) {
    return client(emulator, RecordingSleeper.instant());
  }

  private static AuditLogsClient client(AuditLogEmulator emulator, Sleeper sleeper) {
    return AuditLogsClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiToken(emulator.apiToken())
        .timeout(Duration.ofMillis(1000))
        .maxRetries(8)
        .maxRetryWait(Duration.ofSeconds(30))
        .sleeper(sleeper)
        .build();
  }

  static List<AuditLogScope> scopes() {
    return Scopes.both();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  @Timeout(600)
  void everyRecordExactlyOnceInOrderThroughTwentyPercentFaults(AuditLogScope scope) {
    int records =
        scope.isUser()
            ? Integer.getInteger("soak.records", 50_000)
            : Integer.getInteger("soak.accountRecords", 5_000);
    int perPage = Integer.getInteger("soak.perPage", 500);
    double rate = Double.parseDouble(System.getProperty("soak.faultRate", "0.2"));
    try (AuditLogEmulator emulator = faultyEmulator(scope, records, 20261122, rate).start();
        AuditLogsClient client = client(emulator)) {
      AuditLogQuery query = AuditLogQuery.builder().scope(scope).perPage(perPage).build();
      List<EmulatedLog> truth = emulator.records(query);
      assertEquals(records, truth.size());

      long started = System.nanoTime();
      List<AuditLog> got = new ArrayList<>(records);
      int pages = 0;
      int retries = 0;
      for (AuditLogPage page : client.paginate(query).pages()) {
        pages++;
        retries += page.response().attempts() - 1;
        got.addAll(page.records());
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - started);

      assertExactly(truth, got);
      Map<FaultKind, Integer> faults = faultsByKind(emulator.requests());
      int faulted = faults.values().stream().mapToInt(Integer::intValue).sum();
      int requests = emulator.requestCount();
      if (rate >= 0.2 && records >= 20_000) {
        assertEquals(ALL_FAULTS, faults.keySet(), "every kind of fault was injected: " + faults);
        double share = (double) faulted / requests;
        assertTrue(share > 0.1 && share < 0.35, "fault share " + share);
      }
      new Figures(scope.isUser() ? "soak-library" : "soak-library-account")
          .put("records", got.size())
          .put("perPage", perPage)
          .put("pages", pages)
          .put("requests", requests)
          .put("faulted", faulted)
          .put("faultRate", String.format("%.3f", (double) faulted / requests))
          .put("byKind", faults)
          .put("retriesOfDeliveredPages", retries)
          .put("statusCounts", new TreeMap<>(emulator.statusCounts()))
          .put("lost", 0)
          .put("duplicated", 0)
          .put("wallSeconds", String.format("%.1f", wall.toMillis() / 1000.0))
          .write();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  @Timeout(300)
  void liveAppendsDuringANewestFirstExportShiftNothing(AuditLogScope scope) {
    int records =
        scope.isUser()
            ? Integer.getInteger("soak.liveRecords", 10_000)
            : Integer.getInteger("soak.accountLiveRecords", 2_000);
    double appendsPerSecond = 200;
    try (AuditLogEmulator emulator =
            faultyEmulator(scope, records, 77, 0.2).liveAppends(appendsPerSecond).start();
        AuditLogsClient client = client(emulator)) {
      Set<String> initial = ids(Scopes.initial(Dataset.synthetic(77, records), scope).logs());
      AuditLogQuery query =
          AuditLogQuery.builder().scope(scope).direction(Direction.DESC).perPage(250).build();

      long started = System.nanoTime();
      List<AuditLog> got = new ArrayList<>();
      // The default concurrency: pages by offset under a pinned before while total_count holds
      // still, else keyset paging one request ahead; appends upset neither.
      client.paginate(query).forEach(got::add);
      Duration wall = Duration.ofNanos(System.nanoTime() - started);

      int appendedMeanwhile = emulator.records(scope).size() - records;
      assertTrue(appendedMeanwhile > 0, "records were appended during the export");
      List<String> gotIds = idList(got);
      assertEquals(gotIds.size(), new HashSet<>(gotIds).size(), "no record twice");
      assertTrue(gotIds.containsAll(initial), "every record that existed at the start");
      List<String> atEnd = idList2(emulator.records(query));
      assertTrue(atEnd.containsAll(gotIds), "nothing that does not exist");
      // Appended records share seconds and interleave by id: the order of the records that
      // existed at the start is what is fixed.
      assertTrue(
          atEnd.stream()
              .filter(initial::contains)
              .collect(Collectors.toList())
              .equals(gotIds.stream().filter(initial::contains).collect(Collectors.toList())),
          "the records come in the server's order");
      // No window is pinned to a local clock: the first page reads the newest records of the
      // moment, each later one moves 'before' back to the last second read.
      assertTrue(
          emulator.requests().stream()
              .filter(r -> r.status() == 200)
              .findFirst()
              .orElseThrow()
              .queryParameter("before")
              .isEmpty(),
          "the first request is not bounded by this machine's clock");
      new Figures("soak-live-appends" + (scope.isUser() ? "" : "-account"))
          .put("initialRecords", records)
          .put("appendsPerSecond", appendsPerSecond)
          .put("appendedDuringExport", appendedMeanwhile)
          .put("exported", got.size())
          .put("requests", emulator.requestCount())
          .put(
              "faulted", faultsByKind(emulator.requests()).values().stream().mapToInt(i -> i).sum())
          .put("duplicated", 0)
          .put("lost", 0)
          .put("wallSeconds", String.format("%.1f", wall.toMillis() / 1000.0))
          .write();
    }
  }

  /** Both directions for the user's log; newest first, smaller, for an account's. */
  static Stream<Arguments> retentionCases() {
    return Stream.of(
        Arguments.of(Direction.ASC, Scopes.USER, 6_000),
        Arguments.of(Direction.DESC, Scopes.USER, 6_000),
        Arguments.of(Direction.DESC, Scopes.ACCOUNT_SCOPE, 1_500));
  }

  @ParameterizedTest(name = "{0} {1} {2} records")
  @MethodSource("retentionCases")
  @Timeout(300)
  void retentionDuringAnExportUnderFaultsCostsNoSurvivor(
      Direction direction, AuditLogScope scope, int records) {
    try (AuditLogEmulator emulator =
            faultyEmulator(scope, records, 79, 0.2)
                .latency(Duration.ofMillis(3))
                .retention(200)
                .start();
        AuditLogsClient client = client(emulator)) {
      Set<String> initial = ids(Scopes.initial(Dataset.synthetic(79, records), scope).logs());
      AuditLogQuery query =
          AuditLogQuery.builder().scope(scope).direction(direction).perPage(100).build();
      List<AuditLog> got = new ArrayList<>();
      client.paginate(query).forEach(got::add);
      Set<String> survivors = new HashSet<>(idList2(emulator.records(scope)));
      int deleted = records - survivors.size();
      assertTrue(deleted > 0, "retention ran during the export");
      List<String> gotIds = idList(got);
      assertEquals(gotIds.size(), new HashSet<>(gotIds).size(), "no record twice");
      assertTrue(initial.containsAll(gotIds), "nothing that did not exist");
      survivors.removeAll(gotIds);
      assertEquals(Set.of(), survivors, "every record that survived was exported");
      new Figures("soak-retention-" + direction.wireValue() + (scope.isUser() ? "" : "-account"))
          .put("initialRecords", records)
          .put("deletedDuringExport", deleted)
          .put("exported", got.size())
          .put("requests", emulator.requestCount())
          .put("lost", 0)
          .put("duplicated", 0)
          .write();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  @Timeout(300)
  void offsetPagingByAnExplicitPageUnderAppendsLosesOrRepeatsNothing(AuditLogScope scope) {
    int records = scope.isUser() ? 5_000 : 2_000;
    Instant future = Instant.now().plus(Duration.ofDays(1));
    RecordingSleeper sleeper = RecordingSleeper.instant();
    try (AuditLogEmulator emulator =
            Scopes.serving(AuditLogEmulator.builder(), scope)
                .dataset(Dataset.synthetic(78, records))
                .latency(Duration.ofMillis(5))
                .liveAppends(200)
                .start();
        AuditLogsClient client = client(emulator, sleeper)) {
      Set<String> initial = ids(Scopes.initial(Dataset.synthetic(78, records), scope).logs());
      // An explicit page (offset paging) and a 'before' in the future: every append pushes the
      // records of later pages down while the export runs; ids drop what a shift repeats. The
      // appends follow the wall clock (200 a second, whatever the requests do), so any stall of
      // this JVM of half a second or more between two requests (GC, JIT, a busy CI machine) writes
      // a whole page ahead of the reader: the next page holds only records already yielded, which
      // the pager tells apart from a repeated page by total_count's growth (see
      // OffsetPagingUnderAppendsTest for the same, deterministic).
      AuditLogQuery query =
          AuditLogQuery.builder()
              .scope(scope)
              .direction(Direction.DESC)
              .before(future)
              .perPage(100)
              .page(1)
              .build();
      List<AuditLog> got = new ArrayList<>();
      int pagesYielded = 0;
      for (AuditLogPage page : client.paginate(query).withConcurrency(1).pages()) {
        pagesYielded++;
        got.addAll(page.records());
      }
      int requests = emulator.requestCount();

      List<String> gotIds = idList(got);
      assertEquals(gotIds.size(), new HashSet<>(gotIds).size(), "no record twice");
      assertTrue(gotIds.containsAll(initial), "every record that existed at the start");
      // Appended records share seconds and interleave by id, so only the order of the records
      // that existed at the start is fixed: they must come exactly in the server's order.
      List<String> all = idList2(emulator.records(query));
      assertEquals(
          all.stream().filter(initial::contains).collect(Collectors.toList()),
          gotIds.stream().filter(initial::contains).collect(Collectors.toList()),
          "in the server's order");
      int appended = emulator.records(scope).size() - records;
      assertTrue(appended > 0, "records were appended meanwhile");
      assertEquals(List.of(), sleeper.waits(), "no fault, no pacing: the client never waited");
      new Figures("soak-unpinned-shifts" + (scope.isUser() ? "" : "-account"))
          .put("initialRecords", records)
          .put("appendedDuringExport", appended)
          .put("exported", got.size())
          .put("requests", requests)
          // pages of only records already yielded, read through, and the request ending the export
          .put("requestsYieldingNothing", requests - pagesYielded)
          .put("duplicated", 0)
          .put("lost", 0)
          .write();
    }
  }

  static Stream<Arguments> bursts() {
    return Scopes.both().stream()
        .flatMap(scope -> Stream.of(100, 150, 300).map(burst -> Arguments.of(scope, burst)));
  }

  /**
   * The mechanism of the case above without its timing: a burst of appends between two pages read
   * by offset, newest first, one request at a time: page 4 then holds only records already yielded
   * (100 appended: page 3 again; 150: the end of page 2 and the start of page 3; 300: page 1), as a
   * server repeating pages sends, but with a total that grew by the shift.
   */
  @ParameterizedTest(name = "{0} {1} appended after page 3")
  @MethodSource("bursts")
  @Timeout(60)
  void aBurstOfAppendsBetweenTwoPagesReadByOffsetIsReadThrough(AuditLogScope scope, int burst) {
    int records = 1_000;
    try (AuditLogEmulator emulator =
            Scopes.serving(AuditLogEmulator.builder(), scope)
                .dataset(Dataset.synthetic(81, records))
                .start();
        AuditLogsClient client = client(emulator)) {
      AuditLogQuery query =
          AuditLogQuery.builder()
              .scope(scope)
              .direction(Direction.DESC)
              .before(Instant.now().plus(Duration.ofDays(1)))
              .perPage(100)
              .page(1)
              .build();
      List<String> truth = idList2(emulator.records(query));
      List<AuditLog> got = new ArrayList<>();
      int pages = 0;
      for (AuditLogPage page : client.paginate(query).withConcurrency(1).pages()) {
        got.addAll(page.records());
        if (++pages == 3) {
          emulator.appendSynthetic(scope, burst); // before page 4 is asked for
        }
      }
      assertEquals(truth, idList(got), "every record once, in order; the appended stay ahead");
      assertEquals(records + burst, emulator.records(scope).size());
      assertEquals(
          List.of("1", "2", "3", "4"),
          emulator.requests().stream()
              .limit(4)
              .map(r -> r.queryParameter("page").orElseThrow())
              .toList());
    }
  }

  static void assertExactly(List<EmulatedLog> truth, List<AuditLog> got) {
    List<String> want = idList2(truth);
    List<String> have = idList(got);
    Set<String> unique = new HashSet<>(have);
    assertEquals(have.size(), unique.size(), "duplicated: " + (have.size() - unique.size()));
    Set<String> lost = new HashSet<>(want);
    lost.removeAll(unique);
    assertTrue(lost.isEmpty(), "lost " + lost.size() + " records, e.g. " + first(lost));
    assertEquals(want, have, "same ids in the same order");
    for (int i = 0; i < truth.size(); i++) {
      if (!truth.get(i).json().equals(got.get(i).json())) {
        assertEquals(truth.get(i).json(), got.get(i).json(), "record " + i + " byte for byte");
      }
    }
  }

  private static String first(Set<String> s) {
    return s.isEmpty() ? "" : s.iterator().next();
  }

  static Map<FaultKind, Integer> faultsByKind(List<ReceivedRequest> requests) {
    Map<FaultKind, Integer> byKind = new EnumMap<>(FaultKind.class);
    for (ReceivedRequest r : requests) {
      r.fault().ifPresent(k -> byKind.merge(k, 1, Integer::sum));
    }
    return byKind;
  }

  private static Set<String> ids(List<EmulatedLog> logs) {
    return new HashSet<>(idList2(logs));
  }

  static List<String> idList(List<AuditLog> logs) {
    return logs.stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
  }

  static List<String> idList2(List<EmulatedLog> logs) {
    return logs.stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
  }
}
