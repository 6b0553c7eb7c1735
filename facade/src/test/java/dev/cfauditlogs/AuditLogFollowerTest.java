package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AuditLogFollower} against a paging server on 127.0.0.1 that honours {@code since}, {@code
 * before}, {@code direction} and {@code per_page}, with a front that fails or holds chosen
 * requests. Waits are on a fake clock (no real time) except where a stop from another thread must
 * end a real one.
 */
class AuditLogFollowerTest {
  private static final Instant START = PagingServer.START;

  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  private final Front front = new Front();
  private final FakeTime followerTime = new FakeTime(Instant.parse("2026-03-01T00:00:00Z"));
  private final List<Duration> clientWaits = new CopyOnWriteArrayList<>();
  private final List<SyncEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private AuditLogsClient client;

  /** Fails or holds chosen requests (1-based), else answers as the paging server. */
  private final class Front extends Dispatcher {
    final Map<Integer, MockResponse> failures = new ConcurrentHashMap<>();
    final AtomicInteger received = new AtomicInteger();
    volatile int held;
    final CountDownLatch heldArrived = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      int n = received.incrementAndGet();
      if (n == held) {
        heldArrived.countDown();
        release.await(60, TimeUnit.SECONDS);
      }
      MockResponse failure = failures.get(n);
      return failure != null ? failure : server.dispatch(request);
    }
  }

  @BeforeEach
  void start() throws IOException {
    web.setDispatcher(front);
    web.start(InetAddress.getByName("127.0.0.1"), 0);
    client =
        AuditLogsClient.builder()
            .baseUrl(web.url("/client/v4").toString())
            .apiToken(ContractServer.TOKEN)
            .maxRetries(0)
            .clock(new FakeTime(Instant.parse("2026-03-01T00:00:00Z")))
            .sleeper(clientWaits::add)
            .build();
  }

  @AfterEach
  void stop() {
    front.release.countDown();
    server.stop(web, client);
  }

  private static MockResponse error(int status, String retryAfter) {
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(
                "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"status "
                    + status
                    + "\"}],\"messages\":[],\"result\":null}");
    if (retryAfter != null) {
      b.setHeader("retry-after", retryAfter);
    }
    return b.build();
  }

  private static AuditLogQuery pagesOf10() {
    return AuditLogQuery.builder().perPage(10).build();
  }

  private AuditLogFollower.Builder follower(AuditLogQuery query) {
    return AuditLogFollower.builder(client, query)
        .clock(followerTime)
        .sleeper(followerTime)
        .random(() -> 0.0)
        .onEvent(events::add);
  }

  private SyncDelivery collect(List<SyncCheckpoint> checkpoints) {
    return (records, checkpoint) -> {
      records.forEach(r -> delivered.add(SyncCheckpoint.keyOf(r)));
      checkpoints.add(checkpoint);
    };
  }

  private List<HttpUrl> pageRequests() {
    return server.requests.stream()
        .filter(u -> "asc".equals(u.queryParameter("direction")))
        .toList();
  }

  @Test
  void onePassDeliversEveryRecordOnceOldestFirstEachPageWithItsCheckpoint() throws IOException {
    server.withRecords(25); // two a second
    List<SyncCheckpoint> checkpoints = new ArrayList<>();
    AuditLogFollower follower = follower(pagesOf10()).build();

    SyncCheckpoint end = follower.poll(SyncCheckpoint.start(pagesOf10()), collect(checkpoints));

    assertEquals(server.expectedIds(true, Instant.MAX), delivered);
    assertEquals(Optional.of(START.plusSeconds(12)), end.newestWhen());
    assertEquals(end, checkpoints.get(checkpoints.size() - 1));
    assertTrue(checkpoints.size() >= 3, "a checkpoint a page: " + checkpoints.size());
    assertEquals(List.of(), followerTime.sleeps, "one pass never waits");
    SyncEvent.PollDone done = assertInstanceOf(SyncEvent.PollDone.class, events.get(0));
    assertEquals(25, done.newRecords());
    assertEquals(end, done.checkpoint());

    // Again from the checkpoint: nothing new, and the window starts the lookback before newest.
    delivered.clear();
    int before = server.requests.size();
    assertEquals(end, follower.poll(end, collect(new ArrayList<>())));
    assertEquals(List.of(), delivered);
    HttpUrl first = pageRequests().get(pageRequests().size() - 1);
    assertTrue(server.requests.size() > before);
    assertEquals(
        START.plusSeconds(12).minus(AuditLogFollower.DEFAULT_LOOKBACK).toString(),
        server.requests.get(before + 1).queryParameter("since"),
        "the pass after the newest-record query starts the lookback before newest: " + first);
  }

  @Test
  void resumingAcrossASameSecondBoundaryLosesAndRepeatsNothing() throws IOException {
    server.withRecords(6); // seconds 0, 0, 1, 1, 2, 2
    AuditLogQuery query = AuditLogQuery.builder().perPage(2).build();
    AuditLogFollower follower = follower(query).build();
    SyncCheckpoint first = follower.poll(SyncCheckpoint.start(query), collect(new ArrayList<>()));
    assertEquals(Optional.of(START.plusSeconds(2)), first.newestWhen());
    List<String> firstKeys = List.copyOf(delivered);
    assertEquals(server.expectedIds(true, Instant.MAX), firstKeys);

    // Saved as text and read back, as a service would between runs.
    SyncCheckpoint saved = SyncCheckpoint.parse(first.render());
    // Late arrivals: two more in the newest second, one a second behind it; then a newer second.
    server.add(START.plusSeconds(2));
    server.add(START.plusSeconds(1));
    server.add(START.plusSeconds(2));
    server.add(START.plusSeconds(3));
    server.add(START.plusSeconds(3));
    delivered.clear();
    SyncCheckpoint second = follower.poll(saved, collect(new ArrayList<>()));

    List<String> all = server.expectedIds(true, Instant.MAX);
    List<String> expectedNew = all.stream().filter(k -> !firstKeys.contains(k)).toList();
    assertEquals(5, expectedNew.size());
    assertEquals(expectedNew, delivered, "only the new ones, oldest first, each once");
    assertEquals(Optional.of(START.plusSeconds(3)), second.newestWhen());
    assertTrue(second.recentIds().keySet().containsAll(all), "all within the lookback");
  }

  @Test
  void aVersionOneCheckpointResumesForTheSameFiltersAndIsRefusedForOthers() throws IOException {
    server.withRecords(6); // rec-000001..4 in seconds 0 and 1
    String v1 =
        "{\n"
            + "  \"version\": 1,\n"
            + "  \"filters\": \"actor.email=a@example.com&actor.ip=192.0.2.1\",\n"
            + "  \"newest\": \"2026-01-01T00:00:01Z\",\n"
            + "  \"seen\": {\n"
            + "    \"rec-000001\": \"2026-01-01T00:00:00Z\",\n"
            + "    \"rec-000002\": \"2026-01-01T00:00:00Z\",\n"
            + "    \"rec-000003\": \"2026-01-01T00:00:01Z\",\n"
            + "    \"rec-000004\": \"2026-01-01T00:00:01Z\"\n"
            + "  }\n"
            + "}";
    SyncCheckpoint from = SyncCheckpoint.parse(v1);

    AuditLogQuery other = AuditLogQuery.builder().actorEmail("b@example.com").build();
    InvalidCheckpointException refused =
        assertThrows(
            InvalidCheckpointException.class,
            () -> follower(other).build().poll(from, collect(new ArrayList<>())));
    assertTrue(
        refused.getMessage().contains("actor.email=a@example.com&actor.ip=192.0.2.1"),
        refused.getMessage());
    assertEquals(0, front.received.get(), "refused before any request");

    AuditLogQuery same =
        AuditLogQuery.builder().actorIp("192.0.2.1").actorEmail("a@example.com").build();
    SyncCheckpoint after = follower(same).build().poll(from, collect(new ArrayList<>()));
    assertEquals(List.of("rec-000005", "rec-000006"), delivered);
    assertEquals(Optional.of(START.plusSeconds(2)), after.newestWhen());
    HttpUrl page = pageRequests().get(0);
    assertEquals("a@example.com", page.queryParameter("actor.email"));
    assertEquals("192.0.2.1", page.queryParameter("actor.ip"));
  }

  @Test
  void aCheckpointOfAnotherScopeIsRefusedNamingBothBeforeAnyRequest() {
    String account = AuditLogScopeTest.ACCOUNT;
    SyncCheckpoint userCheckpoint = SyncCheckpoint.start(pagesOf10());
    AuditLogQuery accountQuery = pagesOf10().toBuilder().accountId(account).build();
    InvalidCheckpointException refused =
        assertThrows(
            InvalidCheckpointException.class,
            () -> follower(accountQuery).build().poll(userCheckpoint, collect(new ArrayList<>())));
    assertTrue(refused.getMessage().contains("'user'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("'accounts/" + account + "'"), refused.getMessage());

    SyncCheckpoint accountCheckpoint = SyncCheckpoint.start(accountQuery);
    refused =
        assertThrows(
            InvalidCheckpointException.class,
            () ->
                follower(pagesOf10()).build().poll(accountCheckpoint, collect(new ArrayList<>())));
    assertTrue(refused.getMessage().contains("'accounts/" + account + "'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("'user'"), refused.getMessage());
    assertEquals(0, front.received.get(), "refused before any request");
  }

  @Test
  void passingFailuresAreWaitedOutWithBackoffThenResumedFromTheLastPageDelivered()
      throws IOException {
    server.withRecords(25);
    // 1: the newest-record query, 2: page 1 (delivered), 3: page 2 fails; then two passes fail.
    front.failures.put(3, error(503, null));
    front.failures.put(4, error(500, null));
    front.failures.put(5, error(502, null));
    AuditLogFollower follower = follower(pagesOf10()).maxPolls(5).build();

    SyncCheckpoint end =
        follower.run(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>()));

    assertEquals(server.expectedIds(true, Instant.MAX), delivered, "each record once, in order");
    assertEquals(Optional.of(START.plusSeconds(12)), end.newestWhen());
    assertEquals(
        List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(60)),
        followerTime.sleeps,
        "backoff 1, 2, 4 s, then the interval; none after the last pass");
    List<SyncEvent.PollFailed> failed =
        events.stream()
            .filter(SyncEvent.PollFailed.class::isInstance)
            .map(SyncEvent.PollFailed.class::cast)
            .toList();
    assertEquals(3, failed.size(), events.toString());
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(ServerException.class, failed.get(i).failure());
      assertEquals(i + 1, failed.get(i).failuresInARow());
      assertEquals(Duration.ofSeconds(1L << i), failed.get(i).retryIn());
    }
    List<Long> counts =
        events.stream()
            .filter(SyncEvent.PollDone.class::isInstance)
            .map(e -> ((SyncEvent.PollDone) e).newRecords())
            .toList();
    assertEquals(List.of(15L, 0L), counts, "page 1's ten came with the pass that failed");
  }

  @Test
  void aRateLimitIsWaitedOutAsToldAndAFailureRetryingCannotFixEndsTheRun() throws IOException {
    server.withRecords(3);
    front.failures.put(1, error(429, "7"));
    front.failures.put(4, error(401, null));
    AuditLogFollower follower = follower(pagesOf10()).build();

    AuthenticationException ended =
        assertThrows(
            AuthenticationException.class,
            () -> follower.run(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>())));

    assertEquals(401, ended.statusCode());
    assertEquals(server.expectedIds(true, Instant.MAX), delivered);
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(60)), followerTime.sleeps);
    SyncEvent.PollFailed limited = assertInstanceOf(SyncEvent.PollFailed.class, events.get(0));
    assertInstanceOf(RateLimitedException.class, limited.failure());
    assertEquals(Duration.ofSeconds(7), limited.retryIn());
    assertEquals(Instant.parse("2026-03-01T00:00:07Z"), limited.retryAt());
    assertEquals(4, front.received.get(), "no retry after the 401");
  }

  @ParameterizedTest(name = "HTTP {0}, retry-after {1}")
  @CsvSource({
    "503, 120, 120",
    "500, 30, 30",
    "502, 7200, 3600",
    "599, 99999999999, 3600",
    "408, 90, 90",
    "409, 45, 45",
    "429, 120, 120"
  })
  void aServerThatAsksToWaitIsWaitedAsToldWhateverThePassingStatus(
      int status, String retryAfter, long expectedSeconds) throws IOException {
    server.withRecords(3);
    front.failures.put(1, error(status, retryAfter));
    AuditLogFollower follower = follower(pagesOf10()).maxPolls(2).build();

    follower.run(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>()));

    assertEquals(server.expectedIds(true, Instant.MAX), delivered);
    Duration expected = Duration.ofSeconds(expectedSeconds);
    assertEquals(List.of(expected), followerTime.sleeps, "the server's wait, at most an hour");
    SyncEvent.PollFailed failed = assertInstanceOf(SyncEvent.PollFailed.class, events.get(0));
    HttpResponseException failure = assertInstanceOf(HttpResponseException.class, failed.failure());
    assertEquals(status, failure.statusCode());
    assertTrue(failure.retryAfter().isPresent(), failure.toString());
    assertEquals(expected, failed.retryIn());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z").plus(expected), failed.retryAt());
  }

  @Test
  void aServerErrorAskingForMoreThanTheClientRetriesIsWaitedOutByTheFollowerNotBackedOff()
      throws IOException {
    // As the CLI runs it: the client retries twice and waits at most 60 s before a retry.
    client.close();
    client =
        AuditLogsClient.builder()
            .baseUrl(web.url("/client/v4").toString())
            .apiToken(ContractServer.TOKEN)
            .maxRetries(2)
            .clock(new FakeTime(Instant.parse("2026-03-01T00:00:00Z")))
            .sleeper(clientWaits::add)
            .build();
    server.withRecords(3);
    for (int n = 1; n <= 3; n++) {
      front.failures.put(n, error(503, "120"));
    }
    AuditLogFollower follower = follower(pagesOf10()).maxPolls(4).build();

    follower.run(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>()));

    assertEquals(server.expectedIds(true, Instant.MAX), delivered);
    assertEquals(List.of(), clientWaits, "120 s is over the client's ceiling: not retried at once");
    assertEquals(
        List.of(Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(120)),
        followerTime.sleeps,
        "each failed pass waits the 120 s asked for, not a backoff of 1, 2, 4 s");
    SyncEvent.PollFailed failed = assertInstanceOf(SyncEvent.PollFailed.class, events.get(0));
    String message = failed.failure().getMessage();
    assertTrue(message.contains("asked to wait 2 min"), message);
    assertTrue(message.contains("so the request was not retried"), message);
  }

  @Test
  void maxDurationBoundsARunByTheFollowersClock() throws IOException {
    server.withRecords(2);
    AuditLogFollower follower =
        follower(pagesOf10())
            .interval(Duration.ofMinutes(1))
            .maxDuration(Duration.ofMinutes(3))
            .build();
    follower.run(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>()));
    assertEquals(
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)),
        followerTime.sleeps);
    assertEquals(4, events.size(), "four passes: at 0, 1, 2 and 3 minutes... " + events);
  }

  @Test
  void stopFromAnotherThreadEndsARealWaitAtOnce() throws Exception {
    server.withRecords(5);
    CountDownLatch passDone = new CountDownLatch(1);
    AuditLogFollower follower =
        AuditLogFollower.builder(client, pagesOf10())
            .interval(Duration.ofHours(1)) // the real default wait
            .onEvent(e -> passDone.countDown())
            .build();
    AtomicReference<Object> result = new AtomicReference<>();
    Thread running =
        new Thread(
            () -> {
              try {
                result.set(
                    follower.run(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>())));
              } catch (IOException | RuntimeException e) {
                result.set(e);
              }
            });
    running.start();
    assertTrue(passDone.await(30, TimeUnit.SECONDS));
    follower.stop();
    running.join(30_000);
    assertFalse(running.isAlive(), "the hour's wait ended with the stop");
    SyncCheckpoint end = assertInstanceOf(SyncCheckpoint.class, result.get());
    assertEquals(Optional.of(START.plusSeconds(2)), end.newestWhen());
    assertEquals(server.expectedIds(true, Instant.MAX), delivered);
    assertTrue(follower.stopRequested());
  }

  @Test
  void stopFromAnotherThreadCancelsARequestInFlightAndKeepsWhatWasDelivered() throws Exception {
    server.withRecords(25);
    front.held = 3; // page 2 is never answered
    List<SyncCheckpoint> checkpoints = new CopyOnWriteArrayList<>();
    AuditLogFollower follower = follower(pagesOf10()).build();
    AtomicReference<Object> result = new AtomicReference<>();
    Thread running =
        new Thread(
            () -> {
              try {
                result.set(follower.run(SyncCheckpoint.start(pagesOf10()), collect(checkpoints)));
              } catch (IOException | RuntimeException e) {
                result.set(e);
              }
            });
    running.start();
    assertTrue(front.heldArrived.await(30, TimeUnit.SECONDS));
    follower.stop();
    running.join(30_000);
    assertFalse(
        running.isAlive(),
        () ->
            "the request in flight was cancelled: "
                + java.util.Arrays.toString(running.getStackTrace()));
    SyncCheckpoint end = assertInstanceOf(SyncCheckpoint.class, result.get());
    assertEquals(server.expectedIds(true, Instant.MAX).subList(0, 10), delivered);
    assertEquals(checkpoints.get(checkpoints.size() - 1), end, "covers exactly page 1");
    assertEquals(List.of(), followerTime.sleeps);
    assertFalse(
        events.stream().anyMatch(SyncEvent.PollFailed.class::isInstance),
        "a stop is not a failure: " + events);
  }

  @Test
  void aLargeClockSkewIsReportedOncePerFollower() throws IOException {
    server.withRecords(3);
    server.dateOffset = Duration.ofHours(2); // the server's Date, against the client's clock
    AuditLogsClient skewed =
        client.toBuilder().clock(java.time.Clock.systemUTC()).build(); // a real local clock
    try {
      AuditLogFollower follower =
          AuditLogFollower.builder(skewed, pagesOf10()).onEvent(events::add).build();
      SyncCheckpoint end =
          follower.poll(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>()));
      follower.poll(end, collect(new ArrayList<>()));
    } finally {
      skewed.close();
    }
    List<SyncEvent.ClockSkewNoted> noted =
        events.stream()
            .filter(SyncEvent.ClockSkewNoted.class::isInstance)
            .map(SyncEvent.ClockSkewNoted.class::cast)
            .toList();
    assertEquals(1, noted.size(), events.toString());
    assertTrue(noted.get(0).skew().large());
    assertTrue(noted.get(0).skew().offset().abs().compareTo(Duration.ofMinutes(119)) > 0);
  }

  @Test
  void queriesAFollowerCannotHonourAreRefusedNamingTheParameter() {
    InvalidRequestException desc =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AuditLogFollower.builder(
                    client, AuditLogQuery.builder().direction(Direction.DESC).build()));
    assertEquals("direction", desc.parameter());
    assertTrue(desc.getMessage().contains("desc"), desc.getMessage());
    InvalidRequestException page =
        assertThrows(
            InvalidRequestException.class,
            () -> AuditLogFollower.builder(client, AuditLogQuery.builder().page(2).build()));
    assertEquals("page", page.parameter());
    InvalidRequestException lookback =
        assertThrows(
            InvalidRequestException.class,
            () -> AuditLogFollower.builder(client, AuditLogQuery.all()).lookback(Duration.ZERO));
    assertEquals("lookback", lookback.parameter());
    assertEquals(0, front.received.get());
  }

  @Test
  void aCheckpointLaterThanTheServersClockIsRefusedInsteadOfFollowingNothingSilently() {
    server.withRecords(4);
    server.dateOffset = Duration.ZERO; // the server sends its Date: now
    SyncCheckpoint future =
        SyncCheckpoint.parse(
            "{\"version\":2,\"checkpoints\":[{\"scope\":\"user\",\"filters\":{},"
                + "\"newest\":\"2099-01-01T00:00:00Z\",\"seen\":{\"x\":\"2099-01-01T00:00:00Z\"}}]}");
    AuditLogFollower follower = follower(pagesOf10()).build();

    InvalidCheckpointException e =
        assertThrows(
            InvalidCheckpointException.class,
            () -> follower.poll(future, collect(new ArrayList<>())));

    assertTrue(e.getMessage().contains("2099-01-01T00:00:00Z"), e.getMessage());
    assertTrue(e.getMessage().contains("server's clock"), e.getMessage());
    assertEquals(List.of(), delivered);
  }

  /**
   * Records stamped after the server's {@code Date} (its clock behind the records'): the saved
   * checkpoint remembers them by their own when while newest stops at the Date, and the next run
   * reads that checkpoint back, delivers none of them again and picks up what is new.
   */
  @Test
  void recordsStampedAfterTheServersDateSurviveASavedCheckpointAndAreDeliveredOnce()
      throws IOException {
    server.withRecords(25); // START .. START + 12 s
    server.dateOffset = Duration.between(Instant.now(), START.plusSeconds(6));
    AuditLogFollower follower = follower(pagesOf10()).build();

    SyncCheckpoint first =
        follower.poll(SyncCheckpoint.start(pagesOf10()), collect(new ArrayList<>()));

    List<String> all = server.expectedIds(true, Instant.MAX);
    assertEquals(all, delivered);
    assertTrue(
        first.newestWhen().orElseThrow().isBefore(START.plusSeconds(8)),
        "never past the server's Date: " + first);
    assertTrue(
        first.recentIds().values().stream().anyMatch(w -> w.isAfter(first.newestWhen().get())),
        "the records in the server's future are remembered by their own when: " + first);
    SyncCheckpoint saved = SyncCheckpoint.parse(first.render());
    assertEquals(first, saved);

    PagingServer.Rec late = server.add(START.plusSeconds(13));
    delivered.clear();
    follower.poll(saved, collect(new ArrayList<>()));
    assertEquals(List.of(late.id()), delivered, "only the new record, once");
  }

  @Test
  void aRecordStampedInTheFutureMovesTheCheckpointOnlyToTheServersClockAndIsDeliveredOnce() {
    SyncProgress progress = new SyncProgress(SyncCheckpoint.start(pagesOf10()));
    Instant serverTime = Instant.parse("2026-11-30T00:00:00Z");
    Instant future = Instant.parse("2099-01-01T00:00:00Z");

    progress.add("early", serverTime.minusSeconds(30), serverTime);
    progress.add("future", future, serverTime);
    progress.prune(Duration.ofMinutes(5));

    SyncCheckpoint cp = progress.checkpoint();
    assertEquals(Optional.of(serverTime), cp.newestWhen(), "never past the server's Date");
    assertEquals(future, cp.recentIds().get("future"), "remembered until the checkpoint passes it");
    assertTrue(progress.seen("future"));
    // Without a Date, nothing to compare with: the record's own when moves it, as before.
    SyncProgress noDate = new SyncProgress(SyncCheckpoint.start(pagesOf10()));
    noDate.add("future", future, null);
    assertEquals(future, noDate.newest());
  }
}
