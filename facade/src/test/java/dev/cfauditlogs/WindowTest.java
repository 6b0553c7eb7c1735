package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window is stable at both ends whatever the clocks: server clock ahead or behind, retention
 * deleting the oldest records meanwhile, seconds holding more records than a page.
 */
class WindowTest {
  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  private final List<ClockSkew> skews = new CopyOnWriteArrayList<>();
  private AuditLogsClient client;

  @BeforeEach
  void start() throws IOException {
    client = server.start(web).sleeper(d -> {}).onClockSkew(skews::add).build();
  }

  @AfterEach
  void stop() {
    server.stop(web, client);
  }

  private List<String> keys(AuditLogQuery query, int prefetch) {
    List<String> keys = new ArrayList<>();
    for (AuditLog log : client.paginate(query).withConcurrency(prefetch)) {
      keys.add(PagingServer.key(log));
    }
    return keys;
  }

  private static AuditLogQuery query(String direction, int perPage) {
    return AuditLogQuery.builder().direction(Direction.parse(direction)).perPage(perPage).build();
  }

  @ParameterizedTest
  @CsvSource({
    "3600, asc", "3600, desc", "180, asc", "180, desc", "5, asc", "5, desc",
    "-5, asc", "-5, desc", "-180, asc", "-180, desc", "-3600, asc", "-3600, desc"
  })
  void everyRecordOfTheServersLastTenMinutesWhateverItsClock(long offsetSeconds, String direction) {
    server.dateOffset = Duration.ofSeconds(offsetSeconds);
    server.withRecentRecords(20, Duration.ofMinutes(10)); // up to an hour in this machine's future
    List<String> got = keys(query(direction, 7), 2);
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
    assertEquals(20, got.size());
  }

  @ParameterizedTest
  @ValueSource(longs = {3600, 180, 61 + 2, -61 - 2, -180, -3600})
  void aSkewOverAMinuteIsReportedOnceEitherWay(long offsetSeconds) {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.cfauditlogs");
    Handler handler = collect(logged);
    logger.addHandler(handler);
    try {
      server.dateOffset = Duration.ofSeconds(offsetSeconds);
      server.withRecentRecords(30, Duration.ofMinutes(1));
      keys(query("desc", 10), 1);
      keys(query("asc", 10), 1);
    } finally {
      logger.removeHandler(handler);
    }
    assertEquals(1, skews.size(), "reported once: " + skews);
    long measured = skews.get(0).offset().toSeconds();
    assertTrue(Math.abs(measured - offsetSeconds) <= 2, measured + " for " + offsetSeconds);
    assertEquals(offsetSeconds > 0, skews.get(0).toString().contains("ahead"), "" + skews.get(0));
    assertEquals(
        1,
        logged.stream()
            .filter(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("Clock skew"))
            .count());
    assertTrue(client.clockSkew().orElseThrow().large());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 5, -5, 55, -55})
  void aSkewOfAMinuteOrLessIsMeasuredButNotReported(long offsetSeconds) {
    server.dateOffset = Duration.ofSeconds(offsetSeconds);
    server.withRecentRecords(5, Duration.ofMinutes(1));
    keys(query("desc", 10), 1);
    assertEquals(List.of(), skews);
    ClockSkew skew = client.clockSkew().orElseThrow();
    assertFalse(skew.large());
    assertTrue(Math.abs(skew.offset().toSeconds() - offsetSeconds) <= 2, "" + skew);
  }

  @Test
  void withoutADateHeaderNothingIsMeasured() {
    server.withRecords(5);
    keys(query("desc", 10), 1);
    assertTrue(client.clockSkew().isEmpty());
    assertTrue(skews.isEmpty());
  }

  @Test
  void ascEndsItsWindowAtTheNewestRecordSoLiveWritesDoNotProlongIt() {
    server.withRecords(95);
    server.appendPerRequest = 20; // stamped with the real clock, long after the records
    List<String> original = server.expectedIds(true, Instant.MAX);
    List<String> got = keys(query("asc", 10), 1);
    assertEquals(original, got, "exactly the records that existed at the start");
    assertEquals("desc", server.requests.get(0).queryParameter("direction"), "the newest first");
    assertEquals("1", server.requests.get(0).queryParameter("per_page"));
    assertTrue(
        server.requests.stream()
            .skip(1)
            .allMatch(u -> "2026-01-01T00:00:48Z".equals(u.queryParameter("before"))),
        "pinned after the newest record's second (47)");
  }

  @Test
  void ascPinsAtTheServersDateWhenItIsLaterThanTheNewestRecord() {
    server.dateOffset = Duration.ZERO;
    server.withRecords(10);
    keys(query("asc", 10), 1);
    Instant before = Instant.parse(server.requests.get(1).queryParameter("before"));
    Instant now = Instant.now();
    assertTrue(
        before.isAfter(now.minusSeconds(30)) && !before.isAfter(now.plusSeconds(2)), "" + before);
  }

  @Test
  void theCallersBoundsAreKeptAndOnlyNarrowed() {
    server.withRecords(60); // seconds 0 to 29
    AuditLogQuery q =
        AuditLogQuery.builder()
            .since("2026-01-01T00:00:03.5Z")
            .before("2026-01-01T00:00:20.250Z")
            .perPage(4)
            .build();
    List<String> got = keys(q, 1);
    List<String> expected =
        server.records.stream()
            .filter(r -> !r.when().isBefore(Instant.parse("2026-01-01T00:00:03.5Z")))
            .filter(r -> r.when().isBefore(Instant.parse("2026-01-01T00:00:20.250Z")))
            .sorted(
                java.util.Comparator.comparing(PagingServer.Rec::when)
                    .thenComparing(PagingServer.Rec::id)
                    .reversed())
            .map(PagingServer::key)
            .toList();
    assertEquals(expected, got);
    for (var u : server.requests) {
      assertEquals("2026-01-01T00:00:03.5Z", u.queryParameter("since"), "the caller's since");
      Instant before = Instant.parse(u.queryParameter("before"));
      assertFalse(before.isAfter(Instant.parse("2026-01-01T00:00:20.250Z")), "narrowed: " + u);
    }
  }

  @ParameterizedTest
  @CsvSource({"asc, 1", "asc, 2", "desc, 1", "desc, 2"})
  void survivorsOfRetentionRunningMeanwhileAreDeliveredExactlyOnce(String direction, int prefetch) {
    server.withRecords(400);
    server.deleteOldestPerRequest = 6;
    Set<String> atStart = new HashSet<>(server.keys());
    List<String> got = keys(query(direction, 10), prefetch);
    Set<String> survivors = new HashSet<>(server.keys());
    survivors.retainAll(atStart);
    assertTrue(survivors.size() < 400 - 50, "retention deleted records meanwhile");
    assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
    assertTrue(atStart.containsAll(got), "nothing that did not exist");
    List<String> lost = survivors.stream().filter(k -> !got.contains(k)).sorted().toList();
    assertEquals(List.of(), lost, "every survivor delivered");
    List<String> order = server.expectedIds(direction.equals("asc"), Instant.MAX);
    List<String> deliveredSurvivors = got.stream().filter(survivors::contains).toList();
    assertEquals(order.stream().filter(survivors::contains).toList(), deliveredSurvivors);
  }

  @Test
  void offsetPagingByAnExplicitPageLosesSurvivorsUnderTheSameRetention() {
    server.withRecords(600);
    server.deleteOldestPerRequest = 7;
    Set<String> atStart = new HashSet<>(server.keys());
    List<String> got = keys(query("asc", 10).toBuilder().page(1).build(), 1);
    Set<String> survivors = new HashSet<>(server.keys());
    survivors.retainAll(atStart);
    assertFalse(got.containsAll(survivors), "the control: offsets shift under deletes");
  }

  @ParameterizedTest
  @CsvSource({"asc, 1", "asc, 2", "desc, 1", "desc, 2"})
  void secondsHoldingMoreRecordsThanAPageAreReadExactly(String direction, int prefetch) {
    server.resultInfo = false; // no total_count: the keyset path, which reads dense seconds
    Instant s = PagingServer.START;
    server.withRecordsIn(s, 5);
    server.withRecordsIn(s.plusSeconds(1), 250);
    server.withRecordsIn(s.plusSeconds(2), 3);
    server.withRecordsIn(s.plusSeconds(3), 37);
    server.withRecordsIn(s.plusSeconds(4), 10);
    List<String> got = keys(query(direction, 10), prefetch);
    assertEquals(server.expectedIds(direction.equals("asc"), Instant.MAX), got);
    assertTrue(
        server.requests.stream()
            .anyMatch(
                u ->
                    "2026-01-01T00:00:01Z".equals(u.queryParameter("since"))
                        && "2026-01-01T00:00:02Z".equals(u.queryParameter("before"))
                        && "25".equals(u.queryParameter("page"))
                        && "desc".equals(u.queryParameter("direction"))),
        "the dense second is read by offset within it, newest first");
  }

  @ParameterizedTest
  @CsvSource({"asc, 1", "asc, 2", "desc, 1", "desc, 2"})
  void retentionInsideASecondReadByOffsetLosesNoSurvivor(String direction, int prefetch) {
    server.withRecordsIn(PagingServer.START, 300);
    server.withRecordsIn(PagingServer.START.plusSeconds(1), 30);
    server.deleteOldestPerRequest = 3;
    Set<String> atStart = new HashSet<>(server.keys());
    List<String> got = keys(query(direction, 10), prefetch);
    Set<String> survivors = new HashSet<>(server.keys());
    survivors.retainAll(atStart);
    assertTrue(survivors.size() < 330 - 60, "deleted meanwhile: " + survivors.size());
    assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
    assertEquals(List.of(), survivors.stream().filter(k -> !got.contains(k)).toList(), "survivors");
    List<String> order = server.expectedIds(direction.equals("asc"), Instant.MAX);
    assertEquals(order, got.stream().filter(survivors::contains).toList(), "in order");
  }

  @Test
  void subSecondWhensShareTheirSecondWithoutBeingMissedOrRepeated() {
    for (int i = 0; i < 90; i++) {
      server.add(PagingServer.START.plusMillis(i * 137L)); // several records per second
    }
    for (String direction : List.of("asc", "desc")) {
      server.requests.clear();
      assertEquals(
          server.expectedIds(direction.equals("asc"), Instant.MAX),
          keys(query(direction, 4), 2),
          direction);
      assertTrue(
          server.requests.stream()
              .skip(1)
              .allMatch(u -> !String.valueOf(u.queryParameter("since")).contains(".")),
          "whole seconds only on the wire");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"asc", "desc"})
  void recordsWithoutIdOrWhenAreDeliveredOnce(String direction) {
    server.omitWhenEvery = 4;
    server.omitIdEvery = 3;
    server.withRecords(80);
    List<String> got = keys(query(direction, 10), 2);
    assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
    assertEquals(new HashSet<>(server.keys()), new HashSet<>(got));
  }

  @Test
  void aFullPageWithoutAnyWhenIsFollowedByOffset() {
    server.omitWhenEvery = 1;
    server.withRecords(35);
    List<String> got = keys(query("desc", 10), 1);
    assertEquals(server.expectedIds(false, Instant.MAX), got);
  }

  @ParameterizedTest
  @CsvSource({"asc, 1", "asc, 2", "desc, 1", "desc, 2"})
  void elementsThatAreNotRecordsNeitherShortenAPageNorEndTheWindow(String direction, int prefetch) {
    // Every 7th element is not a record, and one whole page (records 40-49 in asc) is none: with
    // result_info confirming per_page, a page short of records is still full of elements.
    server.servedAsNonRecord = n -> n % 7 == 3 || (n >= 40 && n < 50);
    server.withRecords(120);
    AuditLogCursor cursor =
        client.paginate(query(direction, 10)).withConcurrency(prefetch).iterator();
    List<String> got = new ArrayList<>();
    cursor.forEachRemaining(log -> got.add(PagingServer.key(log)));

    List<String> expected =
        server.expectedIds("asc".equals(direction), Instant.MAX).stream()
            .filter(id -> !server.servedAsNonRecord.test(Integer.parseInt(id.substring(4))))
            .toList();
    assertEquals(expected, got);
    assertTrue(cursor.skippedCount() >= 120 - expected.size(), "skipped: " + cursor.skippedCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"IGNORES_BOUNDS", "IGNORES_DIRECTION"})
  void aServerIgnoringBoundsOrDirectionEndsWithATypedErrorAndNoDuplicates(String mode) {
    server.withRecords(60);
    server.mode = PagingServer.Mode.valueOf(mode);
    List<String> got = new ArrayList<>();
    PaginationException e =
        assertThrows(
            PaginationException.class,
            () -> {
              // a since that leaves records out, so that ignoring it shows on every path
              AuditLogQuery query =
                  query("asc", 10).toBuilder().since(Instant.parse("2026-01-01T00:00:05Z")).build();
              for (AuditLog log : client.paginate(query).withConcurrency(1)) {
                got.add(PagingServer.key(log));
              }
            });
    assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
    assertEquals(got.size(), e.recordsYielded());
    assertTrue(e.getMessage().contains("ignores"), e.getMessage());
    assertTrue(server.requests.size() <= 4, "stopped at once: " + server.requests.size());
  }

  private static Handler collect(List<LogRecord> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        into.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
