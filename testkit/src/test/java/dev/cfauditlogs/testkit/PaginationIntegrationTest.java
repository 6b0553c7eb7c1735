package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPager;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.PaginationException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The facade's auto-pagination against the emulator: normal, adversarial, faulty and live; each for
 * the user's log and for an account's.
 */
class PaginationIntegrationTest {
  private static final Dataset DATA = Dataset.synthetic(11, 95);
  static final String ACCOUNT = "fedcba9876543210fedcba9876543210";

  static List<AuditLogScope> scopes() {
    return List.of(AuditLogScope.user(), AuditLogScope.account(ACCOUNT));
  }

  static Stream<Arguments> inEachScope(PaginationMode... modes) {
    return scopes().stream()
        .flatMap(scope -> Stream.of(modes).map(mode -> Arguments.of(mode, scope)));
  }

  /** A builder serving {@code scope}'s log. */
  private static AuditLogEmulator.Builder builder(AuditLogScope scope) {
    AuditLogEmulator.Builder builder = AuditLogEmulator.builder();
    return scope.accountId().map(builder::accounts).orElse(builder);
  }

  private static AuditLogQuery byTens(AuditLogScope scope) {
    return AuditLogQuery.builder().scope(scope).perPage(10).build();
  }

  private static AuditLogsClient client(AuditLogEmulator emulator) {
    return AuditLogsClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiToken(emulator.apiToken())
        .build();
  }

  private static List<String> emulatedIds(List<EmulatedLog> logs) {
    return logs.stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
  }

  private static List<String> ids(Stream<AuditLog> logs) {
    try (logs) {
      return logs.map(l -> l.id().orElseThrow()).collect(Collectors.toList());
    }
  }

  private static List<String> truth(AuditLogEmulator emulator, AuditLogScope scope) {
    return emulator.records(scope).stream()
        .map(l -> l.id().orElseThrow())
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void iteratesEveryRecordOnceInOrder(AuditLogScope scope) {
    try (AuditLogEmulator emulator = builder(scope).dataset(DATA).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator, scope), ids(client.paginate(byTens(scope)).stream()));
      // Ten pages, plus what prefetching asked for past the end.
      int requests = emulator.statusCounts().get(200);
      assertTrue(
          requests >= 10 && requests <= 10 + AuditLogPager.DEFAULT_CONCURRENCY,
          requests + " requests");
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void iteratesWithoutResultInfo(AuditLogScope scope) {
    try (AuditLogEmulator emulator = builder(scope).dataset(DATA).resultInfo(false).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator, scope), ids(client.paginate(byTens(scope)).stream()));
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void iteratesALargerDataSetAtAThousandAPage(AuditLogScope scope) {
    try (AuditLogEmulator emulator = builder(scope).dataset(Dataset.synthetic(3, 4321)).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(
          truth(emulator, scope),
          ids(client.paginate(AuditLogQuery.builder().scope(scope).build()).stream()));
    }
  }

  private static AuditLogEmulator ignoringPage(AuditLogScope scope) {
    return builder(scope)
        .dataset(DATA)
        .pagination(PaginationMode.IGNORES_PAGE)
        .resultInfo(false)
        .start();
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void aServerThatIgnoresPageEndsInAPaginationExceptionWithoutDuplicates(AuditLogScope scope) {
    // Keyset paging asks for page 1 only (unless a second holds more than a page): exact.
    try (AuditLogEmulator emulator = ignoringPage(scope);
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator, scope), ids(client.paginate(byTens(scope)).stream()));
    }
    // Paging by offset from an explicit page, it cannot go on.
    try (AuditLogEmulator emulator = ignoringPage(scope);
        AuditLogsClient client = client(emulator)) {
      Set<String> seen = new HashSet<>();
      assertThrows(
          PaginationException.class,
          () -> {
            AuditLogQuery byOffset = byTens(scope).toBuilder().page(1).build();
            try (Stream<AuditLog> logs = client.paginate(byOffset).withConcurrency(1).stream()) {
              logs.forEach(l -> assertTrue(seen.add(l.id().orElseThrow()), "duplicate"));
            }
          });
      assertEquals(10, seen.size());
      assertTrue(emulator.requestCount() < 5, emulator.requestCount() + " requests");
    }
  }

  static Stream<Arguments> repeatedOrLyingInEachScope() {
    return inEachScope(
        PaginationMode.REPEATS_LAST_PAGE,
        PaginationMode.LIES_IN_TOTAL_PAGES,
        PaginationMode.UNDERSTATES_TOTAL_PAGES);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("repeatedOrLyingInEachScope")
  void withoutResultInfoARepeatedLastPageConfirmsTheEnd(PaginationMode mode, AuditLogScope scope) {
    try (AuditLogEmulator emulator =
            builder(scope).dataset(DATA).pagination(mode).resultInfo(false).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(
          truth(emulator, scope), ids(client.paginate(byTens(scope)).withConcurrency(1).stream()));
      // the pages of the data (boundary records read again), one request confirming the end
      assertTrue(
          emulator.requestCount() <= 12, mode + ": " + emulator.requestCount() + " requests");
    }
  }

  static Stream<Arguments> lyingInEachScope() {
    return inEachScope(PaginationMode.LIES_IN_TOTAL_PAGES, PaginationMode.UNDERSTATES_TOTAL_PAGES);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lyingInEachScope")
  void lyingTotalsDoNotLoseOrRepeatRecords(PaginationMode mode, AuditLogScope scope) {
    try (AuditLogEmulator emulator = builder(scope).dataset(DATA).pagination(mode).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator, scope), ids(client.paginate(byTens(scope)).stream()));
      // the data's pages, one or two confirming the end by keyset, and the pages already asked for
      // when one came back other than the lying total announced it: at most twice the concurrency
      // (those in flight and those answered ahead of the consumer)
      assertTrue(
          emulator.requestCount() <= 13 + 2 * AuditLogPager.DEFAULT_CONCURRENCY,
          mode + ": " + emulator.requestCount() + " requests");
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void faultsOnTheWayAreRetried(AuditLogScope scope) {
    try (AuditLogEmulator emulator =
            builder(scope)
                .dataset(DATA)
                .faults(
                    0.3,
                    java.util.EnumSet.of(
                        FaultKind.SERVER_ERROR,
                        FaultKind.BAD_GATEWAY_HTML,
                        FaultKind.CONNECTION_RESET,
                        FaultKind.TRUNCATED_BODY),
                    5)
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .maxRetries(10)
                .maxRetryWait(Duration.ofSeconds(2))
                .sleeper(RecordingSleeper.instant())
                .build()) {
      assertEquals(
          truth(emulator, scope), ids(client.paginate(byTens(scope)).withConcurrency(1).stream()));
      assertTrue(emulator.requestCount() > 10, "some requests were faulted");
    }
  }

  @ParameterizedTest
  @MethodSource("scopes")
  void recordsAppendedDuringTheIterationNeitherShiftPagesNorRepeat(AuditLogScope scope) {
    // The emulator's clock runs two seconds ahead of the client's: that changes nothing.
    try (AuditLogEmulator emulator =
            builder(scope)
                .dataset(Dataset.synthetic(11, 300))
                .liveAppends(200)
                .latency(Duration.ofMillis(20))
                .clockOffset(Duration.ofSeconds(2))
                .start();
        AuditLogsClient client = client(emulator)) {
      List<String> atStart = emulatedIds(emulator.records(scope));
      List<String> got = ids(client.paginate(byTens(scope)).withConcurrency(2).stream());
      List<String> atEnd = emulatedIds(emulator.records(scope));
      assertTrue(atEnd.size() > atStart.size() + 10, "records were appended meanwhile");
      assertEquals(got.size(), new HashSet<>(got).size(), "no duplicates");
      assertTrue(got.containsAll(atStart), "every record that existed at the start");
      assertTrue(atEnd.containsAll(got), "nothing that does not exist");
      // Appended records share seconds and interleave by id: the order of the records that
      // existed at the start is what is fixed.
      Set<String> initial = new HashSet<>(atStart);
      assertTrue(
          atStart.equals(got.stream().filter(initial::contains).collect(Collectors.toList())),
          "in the server's order");
    }
  }
}
