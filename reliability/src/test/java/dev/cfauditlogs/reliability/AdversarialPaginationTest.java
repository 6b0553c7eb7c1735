package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPager;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.Direction;
import dev.cfauditlogs.PaginationException;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import dev.cfauditlogs.testkit.PaginationMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each pagination misbehaviour of the emulator, with and without {@code result_info}, both
 * directions, sequential and prefetching: the iteration ends after a bounded number of requests
 * with either exactly the ground truth or a {@link PaginationException} after unique records (never
 * a duplicate, never a loop, never a hang). Every combination for the user's log; for an account's
 * ({@link Scopes}), every misbehaviour with {@code result_info} oldest first and without it newest
 * first, prefetching (the other combinations add nothing scope-specific, the scope being only the
 * path, and would add time to CI).
 */
class AdversarialPaginationTest {
  private static final int RECORDS = 1_234;
  private static final int PER_PAGE = 100;
  private static final int PAGES = (RECORDS + PER_PAGE - 1) / PER_PAGE;

  static Stream<Arguments> servers() {
    List<Arguments> all = new ArrayList<>();
    for (PaginationMode mode : PaginationMode.values()) {
      for (boolean resultInfo : new boolean[] {true, false}) {
        for (Direction direction : Direction.values()) {
          for (int prefetch : new int[] {1, 4}) {
            all.add(Arguments.of(Scopes.USER, mode, resultInfo, direction, prefetch));
          }
          if ((direction == Direction.ASC) == resultInfo) {
            all.add(Arguments.of(Scopes.ACCOUNT_SCOPE, mode, resultInfo, direction, 4));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} resultInfo={2} {3} prefetch={4}")
  @MethodSource("servers")
  void endsBoundedWithTheExactRecordsOrATypedError(
      AuditLogScope scope,
      PaginationMode mode,
      boolean resultInfo,
      Direction direction,
      int prefetch) {
    try (AuditLogEmulator emulator =
            Scopes.serving(AuditLogEmulator.builder(), scope)
                .dataset(Dataset.synthetic(11, RECORDS))
                .pagination(mode)
                .resultInfo(resultInfo)
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .build()) {
      AuditLogQuery query =
          AuditLogQuery.builder().scope(scope).direction(direction).perPage(PER_PAGE).build();
      List<EmulatedLog> truth = emulator.records(query);
      List<AuditLog> got = new ArrayList<>();
      AuditLogsException error =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> {
                try {
                  client.paginate(query).withConcurrency(prefetch).forEach(got::add);
                  return null;
                } catch (AuditLogsException e) {
                  return e;
                }
              });
      List<String> ids = FaultSoakTest.idList(got);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "never a duplicate");
      // the pages, two more at most to confirm the end, and the pages asked for ahead that a page
      // disagreeing with the first discards: at most twice the concurrency (in flight, and answered
      // ahead of the consumer)
      assertTrue(
          emulator.requestCount() <= PAGES + 2 + 2 * prefetch,
          "bounded requests: " + emulator.requestCount());
      // Keyset paging only asks for page 1 here (no second holds more than a page), so even a
      // server that ignores 'page' gives the exact records; PaginationTest covers it in a dense
      // second, where it ends in a PaginationException.
      assertNull(error, () -> "exact records expected, got " + error);
      FaultSoakTest.assertExactly(truth, got);
    }
  }

  /** A server with endless distinct full pages is stopped by the page limit, typed. */
  @Test
  void anEndlessServerIsStoppedByThePageLimit() {
    AtomicInteger served = new AtomicInteger();
    try (HostileServer server = new HostileServer();
        AuditLogsClient client = server.client().build()) {
      server.answer(
          r -> {
            int n = served.incrementAndGet();
            return HostileServer.json(
                200,
                "{\"success\":true,\"result\":[{\"id\":\"r"
                    + n
                    + "\",\"when\":\"2025-12-01T00:00:00Z\"}],\"result_info\":{\"page\":"
                    + n
                    + ",\"per_page\":1,\"count\":1,\"total_count\":1000000000,\"total_pages\":1000000000}}");
          });
      List<AuditLog> got = new ArrayList<>();
      PaginationException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> {
                try {
                  client
                      .paginate(AuditLogQuery.builder().perPage(1).build())
                      .withMaxPages(200)
                      .forEach(got::add);
                  return null;
                } catch (PaginationException p) {
                  return p;
                }
              });
      assertInstanceOf(PaginationException.class, e);
      // Pages answered out of order (the default concurrency) do not match the page numbers asked
      // for: the one that disagrees and those asked for ahead of it (at most twice the concurrency)
      // are discarded and the keyset path goes on, so a few of the 200 requests yield nothing.
      assertEquals(got.size(), e.recordsYielded());
      assertTrue(
          got.size() >= 200 - (2 * AuditLogPager.DEFAULT_CONCURRENCY + 1) && got.size() <= 200,
          "records: " + got.size());
      assertTrue(server.requestCount() <= 200 + 2, "requests: " + server.requestCount());
    }
  }
}
