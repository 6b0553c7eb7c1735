package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window's pages by offset, several in flight, when {@code result_info} gives its size: how
 * many requests cross the wire, that they overlap, and that every guarantee of the keyset path
 * still holds when the server lies, reorders, repeats or the window changes meanwhile.
 */
class OverlapTest {
  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  private AuditLogsClient client;

  @BeforeEach
  void start() throws IOException {
    client = server.start(web).sleeper(d -> {}).build();
  }

  @AfterEach
  void stop() {
    server.stop(web, client);
  }

  private List<String> keys(String direction, int perPage, int concurrency) {
    List<String> keys = new ArrayList<>();
    AuditLogQuery query =
        AuditLogQuery.builder().direction(Direction.parse(direction)).perPage(perPage).build();
    for (AuditLog log : client.paginate(query).withConcurrency(concurrency)) {
      keys.add(PagingServer.key(log));
    }
    return keys;
  }

  /**
   * Requests on the wire, counted by the server: a window of N pages costs N requests newest first
   * (N + 1 when the last page is full, to confirm the end) and N + 1 oldest first (the request
   * pinning the window's end); the empty window one request.
   */
  @ParameterizedTest(name = "{0} records per_page {1} {2} concurrency {3}")
  @CsvSource({
    "0, 1, desc, 1",
    "0, 1, asc, 4",
    "0, 1000, desc, 4",
    "0, 1000, asc, 1",
    "1, 1, desc, 4",
    "1, 1, asc, 1",
    "1, 1000, desc, 1",
    "1, 1000, asc, 4",
    "7, 1, desc, 4",
    "7, 1, asc, 4",
    "7, 1, desc, 1",
    "7, 1, asc, 1",
    "500, 1000, desc, 4",
    "500, 1000, asc, 4",
    "1000, 1000, desc, 4",
    "1000, 1000, asc, 1",
    "3000, 1000, desc, 4",
    "3000, 1000, asc, 4",
    "3500, 1000, desc, 1",
    "3500, 1000, asc, 4",
    "3500, 1000, desc, 8",
    "3500, 1000, asc, 8",
    "20000, 1000, desc, 8",
    "1, 1000, desc, 8",
    "1, 1000, asc, 8"
  })
  void requestsOnTheWireAreThePagesPlusAtMostThePin(
      int records, int perPage, String direction, int concurrency) {
    server.withRecords(records);
    List<String> got = keys(direction, perPage, concurrency);
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
    int pages = Math.max(1, (records + perPage - 1) / perPage);
    // asc: the pin, and the last page ends with the record it found newest; desc: a full last
    // page is confirmed by one keyset request, as a total may understate what follows
    boolean asc = direction.equals("asc");
    int extra = records == 0 ? 0 : asc ? 1 : records % perPage == 0 ? 1 : 0;
    assertEquals(pages + extra, server.requests.size(), "requests: " + server.requests);
    assertTrue(server.requests.size() <= (pages == 1 ? 2 : pages + 2), "the issue's budget");
  }

  @ParameterizedTest
  @CsvSource({"desc", "asc"})
  void pagesAreRequestedTogetherAndYieldedInOrder(String direction) {
    server.withRecords(60);
    // Page 2 is answered only once pages 3 and 4 have been asked for (at most 10 s): with four in
    // flight they are, so page 2 comes last of the three and must still be yielded first.
    CountDownLatch laterPagesAsked = new CountDownLatch(2);
    boolean[] overlapped = {false};
    server.delayForPage =
        page -> {
          if (page == 3 || page == 4) {
            laterPagesAsked.countDown();
          } else if (page == 2) {
            try {
              overlapped[0] = laterPagesAsked.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return 0L;
        };
    List<String> got = keys(direction, 10, 4);
    assertTrue(overlapped[0], "pages 3 and 4 were requested while page 2 was in flight");
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
  }

  /**
   * The window counts requests in flight, not pages not yet taken: pages answered while the
   * consumer was busy no longer hold requests back, so a consumer slower than the network still has
   * {@code concurrency} requests working for it; and no more than twice that many pages are held.
   */
  @ParameterizedTest
  @CsvSource({"desc", "asc"})
  void pagesAnsweredButNotYetTakenDoNotHoldRequestsBack(String direction)
      throws InterruptedException {
    server.withRecords(100);
    // Page 2 is answered only once the client has finished page 3 (its request ended on the
    // client's threads, not only on the server's), so when page 2 is taken, page 3 waits answered
    // in every interleaving. Counting held pages as requests (the old rule) would then never ask
    // for page 5 before page 3 is taken.
    CountDownLatch page5Asked = new CountDownLatch(1);
    boolean[] page3Finished = {false};
    server.delayForPage =
        page -> {
          if (page == 5) {
            page5Asked.countDown();
          } else if (page == 2) {
            // Page 2 is held, so the tasks that can end are page 3's and, oldest first, page 1's
            // (fetched ahead of the pin; newest first it is fetched on the caller's thread).
            page3Finished[0] = tasksEnded(direction.equals("asc") ? 2 : 1);
          }
          return 0L;
        };
    AuditLogQuery query =
        AuditLogQuery.builder().direction(Direction.parse(direction)).perPage(10).build();
    List<String> got = new ArrayList<>();
    try (AuditLogPageCursor pages = client.paginate(query).withConcurrency(2).pages().iterator()) {
      for (int i = 0; i < 2; i++) {
        pages.next().records().forEach(log -> got.add(PagingServer.key(log)));
      }
      assertTrue(page3Finished[0], "page 3 was finished before page 2 was answered");
      // Page 3 is not taken yet: pages 4 and 5 were both asked for all the same (sent by the
      // second next(); the wait is only for page 5's request to reach the server).
      assertTrue(
          page5Asked.await(30, TimeUnit.SECONDS),
          "page 5 asked while page 3 waits: " + server.requests);
      // Two pages taken, at most 2 x 2 held: page 6 at the most. Page 6 itself is asked when page 4
      // was answered before page 2 was taken (page 3 finished early enough for the second next()
      // to ask for page 4): both orders are right.
      assertFalse(requestedPages().contains(7), "at most 2 x 2 pages held: " + server.requests);
      pages.forEachRemaining(page -> page.records().forEach(log -> got.add(PagingServer.key(log))));
    }
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
  }

  /**
   * Waits (at most 30 s, a guard against a hang, not part of any scenario) until {@code n} tasks of
   * the client's threads have ended; whether they did. A task counts as ended only after its future
   * completed, so the page it fetched is then "answered" for the pager.
   */
  private boolean tasksEnded(long n) {
    ThreadPoolExecutor threads = (ThreadPoolExecutor) client.executor();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (threads.getCompletedTaskCount() < n) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private Set<Integer> requestedPages() {
    Set<Integer> pages = new HashSet<>();
    for (var url : server.requests) {
      String page = url.queryParameter("page");
      pages.add(page == null ? 1 : Integer.parseInt(page));
    }
    return pages;
  }

  @ParameterizedTest
  @CsvSource({"desc, 1", "desc, 4", "asc, 1", "asc, 4"})
  void liveAppendsLoseAndRepeatNothing(String direction, int concurrency) {
    server.withRecords(95);
    Set<String> atStart = new HashSet<>(server.keys());
    server.appendPerRequest = 3;
    List<String> got = keys(direction, 10, concurrency);
    assertEquals(got.size(), new HashSet<>(got).size(), "no duplicates");
    assertTrue(got.containsAll(atStart), "every record that existed at the start");
    assertTrue(server.keys().containsAll(got), "nothing that does not exist");
    assertTrue(server.requests.size() <= 40, "bounded: " + server.requests.size());
  }

  @ParameterizedTest
  @CsvSource({"desc, 1", "desc, 4", "asc, 1", "asc, 4"})
  void retentionDeletingTheOldestMeanwhileLosesNoSurvivor(String direction, int concurrency) {
    server.withRecords(120);
    List<String> atStart = server.keys();
    server.deleteOldestPerRequest = 3;
    List<String> got = keys(direction, 10, concurrency);
    Set<String> survivors = new HashSet<>(server.keys());
    survivors.retainAll(atStart);
    assertEquals(got.size(), new HashSet<>(got).size(), "no duplicates");
    assertTrue(got.containsAll(survivors), "every survivor");
    assertTrue(atStart.containsAll(got), "nothing that did not exist");
    assertTrue(server.requests.size() <= 60, "bounded: " + server.requests.size());
  }

  @ParameterizedTest
  @CsvSource({"desc, 1", "desc, 4", "asc, 1", "asc, 4"})
  void aTotalThatChangesOnEveryPageHandsOverToTheKeysetPath(String direction, int concurrency) {
    server.withRecords(60);
    server.jitterTotal = true;
    List<String> got = keys(direction, 10, concurrency);
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
    assertTrue(
        server.requests.stream()
            .anyMatch(
                u ->
                    u.queryParameter("page").equals("1")
                        && u.queryParameter(direction.equals("asc") ? "since" : "before") != null
                        && server.requests.indexOf(u) > 1),
        "the keyset path moved the window: " + server.requests);
    assertTrue(server.requests.size() <= 20, "bounded: " + server.requests.size());
  }

  @ParameterizedTest
  @CsvSource({"desc, 4", "asc, 4", "desc, 1"})
  void totalPagesThatContradictTotalCountAreNotRelied(String direction, int concurrency) {
    server.withRecords(60);
    server.totalPagesLie = p -> p + 5;
    List<String> got = keys(direction, 10, concurrency);
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
    assertFalse(
        server.requests.stream().anyMatch(u -> !"1".equals(u.queryParameter("page"))),
        "no page by offset: " + server.requests);
  }

  @ParameterizedTest
  @CsvSource({
    "REPEATS_LAST_PAGE, desc",
    "REPEATS_LAST_PAGE, asc",
    "IGNORES_PAGE, desc",
    "IGNORES_PAGE, asc"
  })
  void aServerRepeatingPagesEndsBoundedWithTheExactRecordsOrATypedError(
      String mode, String direction) {
    server.withRecords(60);
    server.mode = PagingServer.Mode.valueOf(mode);
    List<String> got = new ArrayList<>();
    AuditLogQuery query =
        AuditLogQuery.builder().direction(Direction.parse(direction)).perPage(10).build();
    try {
      for (AuditLog log : client.paginate(query).withConcurrency(4)) {
        got.add(PagingServer.key(log));
      }
      assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
    } catch (PaginationException e) {
      assertEquals(got.size(), e.recordsYielded());
    }
    assertEquals(got.size(), new HashSet<>(got).size(), "no duplicates");
    assertTrue(server.requests.size() <= 30, "bounded: " + server.requests.size());
  }
}
