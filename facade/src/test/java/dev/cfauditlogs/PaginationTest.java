package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Auto-pagination ends, always, and yields every record exactly once. */
class PaginationTest {
  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  private final List<Duration> waits = new ArrayList<>();
  private AuditLogsClient client;

  @BeforeEach
  void start() throws IOException {
    client = server.start(web).sleeper(waits::add).build();
  }

  @AfterEach
  void stop() {
    server.stop(web, client);
  }

  private static List<String> ids(Iterable<AuditLog> logs) {
    List<String> ids = new ArrayList<>();
    for (AuditLog log : logs) {
      ids.add(log.id().orElseThrow());
    }
    return ids;
  }

  private static List<String> ids(Stream<AuditLog> logs) {
    try (logs) {
      return logs.map(l -> l.id().orElseThrow()).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void yieldsEveryRecordOnceInOrderAcrossPages(int prefetch) {
    server.withRecords(25);
    List<String> got =
        ids(
            client
                .paginate(AuditLogQuery.builder().perPage(10).build())
                .withConcurrency(prefetch)
                .stream());
    assertEquals(server.expectedIds(false, Instant.MAX), got);
    assertEquals(25, got.size());
  }

  @Test
  void aShortPageConfirmedByResultInfoEndsWithoutAnotherRequest() {
    server.withRecords(25);
    ids(client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1));
    assertEquals(3, server.requests.size());
  }

  @Test
  void withoutResultInfoOneMoreRequestConfirmsTheEnd() {
    server.withRecords(25);
    server.resultInfo = false;
    List<String> got =
        ids(client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1));
    assertEquals(25, got.size());
    assertEquals(4, server.requests.size());
  }

  @Test
  void anExactlyFullLastPageEndsOnTheEmptyPageAfterIt() {
    server.withRecords(20);
    List<String> got =
        ids(
            client
                .paginate(AuditLogQuery.builder().perPage(10).page(1).build())
                .withConcurrency(1));
    assertEquals(20, got.size());
    assertEquals(3, server.requests.size());
  }

  @Test
  void keysetPagingMovesBeforeToTheLastSecondReadInWholeSeconds() {
    server.withRecords(25);
    server.resultInfo = false; // no total_count: the keyset path
    List<String> got =
        ids(client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1));
    assertEquals(server.expectedIds(false, Instant.MAX), got);
    // 25 records two a second from START: the pages end in seconds 7, 3 and 0; the short last
    // page is confirmed by one more request, as nothing says its size
    assertEquals(
        java.util.Arrays.asList(
            null, "2026-01-01T00:00:08Z", "2026-01-01T00:00:04Z", "2026-01-01T00:00:01Z"),
        server.requests.stream().map(u -> u.queryParameter("before")).toList());
    assertTrue(server.requests.stream().allMatch(u -> "1".equals(u.queryParameter("page"))));
  }

  @Test
  void withATotalCountTheWindowsPagesAreReadByOffsetUnderAPinnedBefore() {
    server.withRecords(25);
    List<String> got =
        ids(client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1));
    assertEquals(server.expectedIds(false, Instant.MAX), got);
    // the newest record is of second 12: pages 2 and 3 end before 13, and nothing confirms the end
    assertEquals(
        java.util.Arrays.asList(null, "2026-01-01T00:00:13Z", "2026-01-01T00:00:13Z"),
        server.requests.stream().map(u -> u.queryParameter("before")).toList());
    assertEquals(
        java.util.Arrays.asList("1", "2", "3"),
        server.requests.stream().map(u -> u.queryParameter("page")).toList());
  }

  @Test
  void iterationAsksForAThousandAPageAndNeverReadsTheLocalClock() {
    server.withRecords(3);
    AuditLogsClient stopped =
        client.toBuilder().clock(new FakeTime(Instant.parse("1990-01-01T00:00:00Z"))).build();
    try {
      assertEquals(
          server.expectedIds(false, Instant.MAX), ids(stopped.paginate(AuditLogQuery.all())));
    } finally {
      stopped.close();
    }
    assertTrue(server.requests.stream().allMatch(u -> "1000".equals(u.queryParameter("per_page"))));
    assertEquals(null, server.requests.get(0).queryParameter("before"), "nothing pinned locally");
  }

  @Test
  void aCallersBeforeAndSinceAreKept() {
    server.withRecords(30);
    AuditLogQuery q =
        AuditLogQuery.builder()
            .since("2026-01-01T00:00:05Z")
            .before("2026-01-02")
            .perPage(5)
            .build();
    ids(client.paginate(q));
    assertEquals("2026-01-02", server.requests.get(0).queryParameter("before"));
    assertEquals("2026-01-01T00:00:05Z", server.requests.get(0).queryParameter("since"));
  }

  @Test
  void aServerThatIgnoresPageEndsWithATypedErrorAndNoDuplicates() {
    server.withRecordsIn(PagingServer.START, 25); // one second, more than a page: read by offset
    server.mode = PagingServer.Mode.IGNORES_PAGE;
    List<String> got = new ArrayList<>();
    PaginationException e =
        assertThrows(
            PaginationException.class,
            () -> {
              for (AuditLog log :
                  client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1)) {
                got.add(log.id().orElseThrow());
              }
            });
    assertEquals(10, got.size());
    assertEquals(10, new HashSet<>(got).size());
    assertEquals("2", server.requests.get(server.requests.size() - 1).queryParameter("page"));
    assertEquals(10, e.recordsYielded());
    assertTrue(e.getMessage().contains("ignores 'page'"), e.getMessage());
  }

  @Test
  void aServerThatIgnoresPageButHasOnlyOnePageGivesTheExactRecords() {
    server.withRecords(7);
    server.mode = PagingServer.Mode.IGNORES_PAGE;
    server.resultInfo = false;
    assertEquals(
        server.expectedIds(false, Instant.MAX),
        ids(client.paginate(AuditLogQuery.builder().perPage(10).build())));
  }

  @Test
  void aServerThatRepeatsTheLastPagePastTheEndGivesTheExactRecords() {
    server.withRecordsIn(PagingServer.START, 20);
    server.mode = PagingServer.Mode.REPEATS_LAST_PAGE;
    server.resultInfo = false;
    List<String> got =
        ids(client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1));
    assertEquals(server.expectedIds(false, Instant.MAX), got);
    // keyset, keyset again (no progress), then the second by offset: pages 1, 2 and 3 (= 2)
    assertEquals(
        List.of("1", "1", "1", "2", "3"),
        server.requests.subList(0, 5).stream().map(u -> u.queryParameter("page")).toList());
  }

  @Test
  void totalPagesThatLiesHighEndsOnTheFirstEmptyPage() {
    server.withRecords(20);
    server.totalPagesLie = real -> 1000;
    assertEquals(
        20,
        ids(client.paginate(AuditLogQuery.builder().perPage(10).page(1).build()).withConcurrency(1))
            .size());
    assertEquals(3, server.requests.size());
  }

  @Test
  void totalPagesThatLiesLowCannotHideRecords() {
    server.withRecords(35);
    server.totalPagesLie = real -> 1;
    List<String> got = ids(client.paginate(AuditLogQuery.builder().perPage(10).build()));
    assertEquals(server.expectedIds(false, Instant.MAX), got);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RESULT_NULL_PAST_END", "NO_RESULT_PAST_END"})
  void nullOrMissingResultEndsTheIteration(String mode) {
    server.withRecords(20);
    server.mode = PagingServer.Mode.valueOf(mode);
    server.resultInfo = false;
    assertEquals(
        20,
        ids(client.paginate(AuditLogQuery.builder().perPage(10).page(1).build()).withConcurrency(1))
            .size());
    assertEquals(3, server.requests.size());
  }

  @Test
  void thePageLimitStopsWithAClearError() {
    server.withRecords(50);
    PaginationException e =
        assertThrows(
            PaginationException.class,
            () ->
                ids(
                    client
                        .paginate(AuditLogQuery.builder().perPage(5).build())
                        .withMaxPages(3)
                        .withConcurrency(1)));
    assertEquals(3, e.pagesFetched());
    // 5, 5 and 5: the window's pages by offset, as total_count announced them
    assertEquals(15, e.recordsYielded());
    assertTrue(e.getMessage().contains("maximum"), e.getMessage());
    assertEquals(3, server.requests.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"desc", "asc"})
  void logsWrittenDuringTheIterationNeitherShiftNorDuplicate(String direction) {
    server.withRecords(95);
    server.appendPerRequest = 7;
    List<String> got =
        ids(
            client
                .paginate(
                    AuditLogQuery.builder()
                        .perPage(10)
                        .direction(Direction.parse(direction))
                        .build())
                .withConcurrency(1));
    List<String> original =
        server.expectedIds(direction.equals("asc"), PagingServer.START.plusSeconds(3600));
    assertEquals(95, original.size());
    assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
    assertTrue(got.containsAll(original), "every record that existed is yielded");
    assertEquals(
        original,
        got.subList(0, 95).equals(original)
            ? original
            : got.stream().filter(original::contains).toList());
    assertTrue(server.records.size() > 95 + 50, "logs were written during the iteration");
  }

  @Test
  void a429MidIterationWaitsAsToldAndContinuesFromTheSamePage() {
    server.withRecords(30);
    server.rateLimitedRequests = List.of(3);
    List<String> got =
        ids(client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(1));
    assertEquals(server.expectedIds(false, Instant.MAX), got);
    assertEquals(server.requests.get(2), server.requests.get(3), "the same request, retried");
    assertTrue(waits.contains(Duration.ofSeconds(2)), "waited as told: " + waits);
  }

  @Test
  void prefetchedPagesAreYieldedInOrderEvenWhenTheyArriveOutOfOrder() {
    server.withRecords(40);
    server.delayForPage = page -> page == 1 ? 300L : 0L;
    List<String> got =
        ids(
            client
                .paginate(AuditLogQuery.builder().perPage(10).page(1).build())
                .withConcurrency(4)
                .stream());
    assertEquals(server.expectedIds(false, Instant.MAX), got);
  }

  @Test
  void pagesAnsweredOutOfOrderWhileTheWindowChangesLoseNothing() {
    server.withRecords(60);
    server.appendPerRequest = 1;
    server.delayForPage = page -> page == 1 ? 300L : 0L;
    Instant future = Instant.now().plusSeconds(3600); // a window still open to new logs
    List<String> got =
        ids(
            client
                .paginate(AuditLogQuery.builder().perPage(10).page(1).before(future).build())
                .withConcurrency(4)
                .stream());
    List<String> original = server.expectedIds(false, PagingServer.START.plusSeconds(3600));
    assertEquals(60, original.size());
    assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
    assertTrue(
        got.containsAll(original),
        "lost " + original.stream().filter(i -> !got.contains(i)).toList());
  }

  @Test
  void closingAStreamEarlyStopsAllWork() throws Exception {
    server.withRecords(1000);
    // Every page after the first is held by the server until the test ends: the requests asked
    // for ahead are in flight when the stream is closed, in every interleaving.
    CountDownLatch aheadArrived = new CountDownLatch(4);
    CountDownLatch release = new CountDownLatch(1);
    server.delayForPage =
        page -> {
          if (page > 1) {
            aheadArrived.countDown();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return 0L;
        };
    try {
      try (Stream<AuditLog> s =
          client
              .paginate(AuditLogQuery.builder().perPage(10).build())
              .withConcurrency(4)
              .stream()) {
        assertEquals(5, s.limit(5).count());
        assertTrue(aheadArrived.await(30, TimeUnit.SECONDS), "four ahead: " + server.requests);
      }
      // Closed with four requests held by the server: they were cancelled, so the client's
      // threads end without their answers (held 60 s); nothing new can start.
      client.executor().shutdown();
      assertTrue(
          client.executor().awaitTermination(30, TimeUnit.SECONDS),
          "the requests in flight were cancelled");
      assertEquals(
          5,
          server.requests.size(),
          "the first page and four (concurrency) ahead, nothing after close: " + server.requests);
    } finally {
      release.countDown();
    }
  }

  @Test
  void eachIteratorStartsOverAndCreatingOneSendsNothing() {
    server.withRecords(15);
    AuditLogPager pager = client.paginate(AuditLogQuery.builder().perPage(10).build());
    assertEquals(0, server.requests.size());
    assertEquals(ids(pager), ids(pager));
  }

  @Test
  void pagesViewYieldsPagesWithTheirFacts() {
    server.withRecords(25);
    List<AuditLogPage> pages = new ArrayList<>();
    client.paginate(AuditLogQuery.builder().perPage(10).build()).pages().forEach(pages::add);
    // total_count known: the window's pages by offset, each as the server sent it
    assertEquals(List.of(10, 10, 5), pages.stream().map(p -> p.records().size()).toList());
    assertEquals(List.of(1, 2, 3), pages.stream().map(AuditLogPage::page).toList());
    assertEquals(25, pages.get(0).totalCount().getAsLong());
  }

  @Test
  void forEachAsyncCountsAndFailsTyped() throws Exception {
    server.withRecords(25);
    List<String> got = new ArrayList<>();
    long count =
        client
            .paginate(AuditLogQuery.builder().perPage(10).build())
            .forEachAsync(l -> got.add(l.id().orElseThrow()))
            .get(10, TimeUnit.SECONDS);
    assertEquals(25, count);
    assertEquals(25, got.size());

    server.mode = PagingServer.Mode.IGNORES_BOUNDS;
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () ->
                client
                    .paginate(
                        AuditLogQuery.builder()
                            .since(Instant.parse("2026-01-01T00:00:03Z"))
                            .perPage(10)
                            .build())
                    .forEachAsync(l -> {})
                    .get(10, TimeUnit.SECONDS));
    assertInstanceOf(PaginationException.class, e.getCause());
  }

  @Test
  void badPagerSettingsAreRefused() {
    AuditLogPager pager = client.paginate(AuditLogQuery.all());
    assertEquals(
        "concurrency",
        assertThrows(InvalidRequestException.class, () -> pager.withConcurrency(0)).parameter());
    assertEquals(
        "concurrency",
        assertThrows(InvalidRequestException.class, () -> pager.withConcurrency(17)).parameter());
    assertEquals(
        "maxPages",
        assertThrows(InvalidRequestException.class, () -> pager.withMaxPages(0)).parameter());
  }
}
