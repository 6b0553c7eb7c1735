package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPager;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.PaginationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The facade's auto-pagination against the emulator: normal, adversarial, faulty and live. */
class PaginationIntegrationTest {
  private static final Dataset DATA = Dataset.synthetic(11, 95);
  private static final AuditLogQuery BY_TENS = AuditLogQuery.builder().perPage(10).build();

  private static AuditLogsClient client(AuditLogEmulator emulator) {
    return AuditLogsClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiToken(emulator.apiToken())
        .build();
  }

  private static List<String> ids(Stream<AuditLog> logs) {
    try (logs) {
      return logs.map(l -> l.id().orElseThrow()).collect(Collectors.toList());
    }
  }

  private static List<String> truth(AuditLogEmulator emulator) {
    return emulator.records().stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
  }

  @Test
  void iteratesEveryRecordOnceInOrder() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(DATA).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator), ids(client.paginate(BY_TENS).stream()));
      // Ten pages, plus what prefetching asked for past the end.
      int requests = emulator.statusCounts().get(200);
      assertTrue(
          requests >= 10 && requests <= 10 + AuditLogPager.DEFAULT_PREFETCH,
          requests + " requests");
    }
  }

  @Test
  void iteratesWithoutResultInfo() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(DATA).resultInfo(false).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator), ids(client.paginate(BY_TENS).stream()));
    }
  }

  @Test
  void iteratesALargerDataSetAtAThousandAPage() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 4321)).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator), ids(client.paginate(AuditLogQuery.all()).stream()));
    }
  }

  @Test
  void aServerThatIgnoresPageEndsInAPaginationExceptionWithoutDuplicates() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(DATA)
                .pagination(PaginationMode.IGNORES_PAGE)
                .resultInfo(false)
                .start();
        AuditLogsClient client = client(emulator)) {
      Set<String> seen = new HashSet<>();
      assertThrows(
          PaginationException.class,
          () -> {
            try (Stream<AuditLog> logs = client.paginate(BY_TENS).withPrefetch(1).stream()) {
              logs.forEach(l -> assertTrue(seen.add(l.id().orElseThrow()), "duplicate"));
            }
          });
      assertEquals(10, seen.size());
      assertTrue(emulator.requestCount() < 5, emulator.requestCount() + " requests");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = PaginationMode.class,
      names = {"REPEATS_LAST_PAGE", "LIES_IN_TOTAL_PAGES", "UNDERSTATES_TOTAL_PAGES"})
  void withoutResultInfoARepeatedLastPageConfirmsTheEnd(PaginationMode mode) {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(DATA).pagination(mode).resultInfo(false).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator), ids(client.paginate(BY_TENS).withPrefetch(1).stream()));
      // the pages of the data, one request confirming the end, one for the starting second
      assertTrue(
          emulator.requestCount() <= 12, mode + ": " + emulator.requestCount() + " requests");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = PaginationMode.class,
      names = {"LIES_IN_TOTAL_PAGES", "UNDERSTATES_TOTAL_PAGES"})
  void lyingTotalsDoNotLoseOrRepeatRecords(PaginationMode mode) {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().dataset(DATA).pagination(mode).start();
        AuditLogsClient client = client(emulator)) {
      assertEquals(truth(emulator), ids(client.paginate(BY_TENS).stream()));
      // the data's pages, one confirming the end, one for the starting second, one prefetched
      assertTrue(
          emulator.requestCount() <= 13, mode + ": " + emulator.requestCount() + " requests");
    }
  }

  @Test
  void faultsOnTheWayAreRetried() {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
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
                .build()) {
      assertEquals(truth(emulator), ids(client.paginate(BY_TENS).withPrefetch(1).stream()));
      assertTrue(emulator.requestCount() > 10, "some requests were faulted");
    }
  }

  @Test
  void recordsAppendedAfterTheIterationStartedNeitherShiftPagesNorAppear() {
    // The emulator's clock runs two seconds ahead, so every appended record is newer than the
    // window the iteration pins (up to the end of its starting second).
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(11, 300))
                .liveAppends(200)
                .latency(Duration.ofMillis(20))
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(2)))
                .start();
        AuditLogsClient client = client(emulator)) {
      // Records already appended before the iteration starts are stamped in the client's future, so
      // they are outside the window the iteration pins: the truth is what existed before now.
      List<String> before =
          emulator.records(AuditLogQuery.builder().before(Instant.now()).build()).stream()
              .map(l -> l.id().orElseThrow())
              .collect(Collectors.toList());
      assertEquals(300, before.size());
      assertEquals(before, ids(client.paginate(BY_TENS).withPrefetch(1).stream()));
      assertTrue(emulator.records().size() > 300, "records were appended meanwhile");
    }
  }

  @Test
  void aBurstOfAppendsWithinThePinnedSecondNeverYieldsDuplicates() {
    // Records stamped with the very second the iteration started fall inside its window and push
    // older records
    // onto later pages. The client may then stop with a PaginationException (it cannot tell a shift
    // of a whole
    // page from a server that ignores 'page'), but it must never yield a record twice.
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(11, 300))
                .liveAppends(200)
                .latency(Duration.ofMillis(20))
                .start();
        AuditLogsClient client = client(emulator)) {
      Set<String> seen = new HashSet<>();
      try (Stream<AuditLog> logs = client.paginate(BY_TENS).withPrefetch(1).stream()) {
        logs.forEach(l -> assertTrue(seen.add(l.id().orElseThrow()), "duplicate " + l.id()));
      } catch (PaginationException e) {
        // acceptable: see above
      }
      assertTrue(seen.size() >= 10);
    }
  }
}
