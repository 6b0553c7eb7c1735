package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An explicit {@code page} (offset paging), newest first, while records are written at the head of
 * the list: every record written between two requests pushes the records not read yet one position
 * down. When at least a page of them is written between two requests (a reader that stalls, a GC
 * pause, a burst of writes), the next page holds only records already yielded: that is a shift, not
 * a server that repeats pages, and the iteration goes on; {@code total_count} growing by at least
 * the shift is what tells the two apart. Deterministic: the writes happen between requests.
 */
class OffsetPagingUnderAppendsTest {
  private static final Instant FUTURE = PagingServer.START.plusSeconds(400L * 24 * 3600);

  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  private AuditLogsClient client;

  @BeforeEach
  void start() throws IOException {
    client = server.start(web).sleeper(wait -> {}).build();
  }

  @AfterEach
  void stop() {
    server.stop(web, client);
  }

  private static AuditLogQuery byOffset(int perPage) {
    return AuditLogQuery.builder()
        .direction(Direction.DESC)
        .before(FUTURE)
        .perPage(perPage)
        .page(1)
        .build();
  }

  private List<String> read(AuditLogQuery query, List<String> got) {
    return read(client.paginate(query), got);
  }

  private static List<String> read(AuditLogPager pager, List<String> got) {
    for (AuditLog log : pager.withConcurrency(1)) {
      got.add(log.id().orElseThrow());
    }
    return got;
  }

  private List<String> read(AuditLogQuery query) {
    return read(query, new ArrayList<>());
  }

  /** The records that existed before the iteration, newest first. */
  private List<String> original() {
    return server.expectedIds(false, PagingServer.START.plusSeconds(3600));
  }

  private static void assertOnceInOrder(List<String> original, List<String> got) {
    assertEquals(got.size(), new HashSet<>(got).size(), "no record twice: " + got);
    assertTrue(
        got.containsAll(original),
        "lost " + original.stream().filter(id -> !got.contains(id)).toList());
    assertEquals(original, got.stream().filter(original::contains).toList(), "in order");
  }

  @Test
  void exactlyAPageWrittenBetweenTwoRequestsIsAShiftNotTheEnd() {
    server.withRecords(50);
    List<String> original = original();
    server.appendAfterRequest = n -> n == 3 ? 10 : 0; // page 4 is then page 3 again, exactly
    List<String> got = read(byOffset(10));
    assertEquals(original, got, "every record, once, in order (the ten written stay ahead)");
    assertEquals(
        List.of("1", "2", "3", "4", "5", "6", "7"),
        server.requests.stream().map(u -> u.queryParameter("page")).toList(),
        "page 4 repeats page 3, page 7 confirms the end");
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 11, 15, 25, 39, 45, 90})
  void aBurstOfWritesBetweenTwoRequestsLosesAndRepeatsNothing(int burst) {
    server.withRecords(60);
    List<String> original = original();
    server.appendAfterRequest = n -> n == 3 ? burst : 0;
    List<String> got = read(byOffset(10));
    assertOnceInOrder(original, got);
    assertEquals(60 + burst, server.records.size(), "the burst was written");
  }

  @Test
  void writesJustUnderAPageARequestShiftPagesReadFourPagesAgoAndRepeatNothing() {
    server.withRecords(40);
    List<String> original = original();
    // Each page moves 1 record further: a record read on page n is back on page n + 5.
    server.appendPerRequest = 9;
    List<String> got = read(byOffset(10));
    assertOnceInOrder(original, got);
    assertEquals(40 + 9 * server.requests.size(), server.records.size(), "written meanwhile");
  }

  @Test
  void anIdenticalPageWithAStillTotalIsARepeatingServer() {
    server.withRecords(50);
    server.mode = PagingServer.Mode.IGNORES_PAGE;
    List<String> got = new ArrayList<>();
    PaginationException e = assertThrows(PaginationException.class, () -> read(byOffset(10), got));
    assertEquals(original().subList(0, 10), got);
    assertEquals(2, server.requests.size());
    assertTrue(e.getMessage().contains("repeats pages"), e.getMessage());
  }

  @Test
  void theLastPageRepeatedPastTheEndWithAStillTotalEndsTheIteration() {
    server.withRecords(50);
    server.mode = PagingServer.Mode.REPEATS_LAST_PAGE; // total_pages and total_count truthful
    assertEquals(original(), read(byOffset(10)));
    assertEquals(6, server.requests.size());
  }

  @Test
  void writesThatOutrunTheReaderEndAtThePageLimit() {
    server.withRecords(50);
    server.appendPerRequest = 10; // every page is the page before it, a page further down
    List<String> got = new ArrayList<>();
    PaginationException e =
        assertThrows(
            PaginationException.class,
            () -> read(client.paginate(byOffset(10)).withMaxPages(30), got));
    assertEquals(original().subList(0, 10), got);
    assertEquals(30, server.requests.size());
    assertEquals(30, e.pagesFetched());
    assertTrue(e.getMessage().contains("maximum"), e.getMessage());
  }

  @Test
  void aBurstPastWhatThePagerRemembersEndsTypedWithoutARepeat() {
    server.withRecords(6_000);
    // 5 pages of 1,000 are read; the pager remembers the last 4,000 records (pages 2 to 5); 4,100
    // written now bring the end of page 1 back on page 6.
    server.appendAfterRequest = n -> n == 5 ? 4_100 : 0;
    List<String> got = new ArrayList<>();
    PaginationException e =
        assertThrows(PaginationException.class, () -> read(byOffset(1000), got));
    assertEquals(original().subList(0, 5_000), got);
    assertEquals(6, server.requests.size(), "nothing of page 6 yielded");
    assertEquals(5_000, e.recordsYielded());
    assertTrue(e.getMessage().contains("grew by 4100 records"), e.getMessage());
  }
}
