package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page view closes and streams like the record view: closing the cursor or the stream cancels
 * the page fetched ahead and sends nothing more.
 */
class PagesViewTest {
  private final MockWebServer web = new MockWebServer();
  private final PagingServer server = new PagingServer();
  private final Gate gate = new Gate(server);
  private AuditLogsClient client;

  /** Answers the first request at once and holds every later one until released. */
  private static final class Gate extends Dispatcher {
    final PagingServer behind;
    final AtomicInteger received = new AtomicInteger();
    final BlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);

    Gate(PagingServer behind) {
      this.behind = behind;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      int n = received.incrementAndGet();
      arrivals.add(n);
      if (n > 1) {
        release.await(10, TimeUnit.SECONDS);
      }
      return behind.dispatch(request);
    }

    /** Blocks until request number {@code n} has arrived. */
    void awaitArrival(int n) throws InterruptedException {
      for (Integer got = 0; got < n; ) {
        got = arrivals.poll(10, TimeUnit.SECONDS);
        assertNotNull(got, "request " + n + " never arrived");
      }
    }
  }

  @BeforeEach
  void start() throws IOException {
    client = server.start(web).sleeper(d -> {}).build();
    web.setDispatcher(gate);
    server.withRecords(100);
  }

  @AfterEach
  void stop() {
    gate.release.countDown();
    server.stop(web, client);
  }

  private AuditLogPages pages() {
    return client.paginate(AuditLogQuery.builder().perPage(10).build()).withConcurrency(2).pages();
  }

  /**
   * After the view is closed with the next page in flight: releases that request, waits until the
   * client's threads have finished everything they were doing, and says how many requests the
   * server received in all.
   */
  private int requestsOnceSettled() throws InterruptedException {
    gate.release.countDown();
    client.executor().shutdown(); // running work ends on its own; nothing new can start
    assertTrue(client.executor().awaitTermination(10, TimeUnit.SECONDS));
    return gate.received.get();
  }

  @Test
  void closingAPageCursorCancelsThePageFetchedAheadAndSendsNothingMore() throws Exception {
    AuditLogPageCursor cursor = pages().iterator();
    assertEquals(10, cursor.next().records().size());
    gate.awaitArrival(2); // the next page, fetched ahead, is in flight
    cursor.close();
    cursor.close(); // idempotent
    assertFalse(cursor.hasNext());
    assertThrows(NoSuchElementException.class, cursor::next);
    // page 1 and at most the two pages (concurrency 2) requested before the close
    int requests = requestsOnceSettled();
    assertTrue(requests >= 2 && requests <= 3, "no request after close: " + requests);
  }

  @Test
  void closingAPageStreamCancelsThePageFetchedAheadAndSendsNothingMore() throws Exception {
    List<AuditLogPage> taken;
    try (Stream<AuditLogPage> stream = pages().stream()) {
      taken = stream.limit(1).toList();
      gate.awaitArrival(2);
    }
    assertEquals(1, taken.size());
    // page 1 and at most the two pages (concurrency 2) requested before the close: the second of
    // them may be on its way when the stream closes
    int requests = requestsOnceSettled();
    assertTrue(requests >= 2 && requests <= 3, "no request after close: " + requests);
  }

  @Test
  void aPageStreamYieldsEveryRecordOnceAndEachStreamStartsOver() {
    gate.release.countDown();
    Function<Stream<AuditLogPage>, List<String>> keys =
        s -> {
          try (s) {
            return s.flatMap(p -> p.records().stream()).map(l -> l.id().orElseThrow()).toList();
          }
        };
    AuditLogPages view = pages();
    List<String> first = keys.apply(view.stream());
    assertEquals(server.expectedIds(false, java.time.Instant.MAX), first);
    assertEquals(first, keys.apply(view.stream()));
  }

  @Test
  void aPageCursorRunToTheEndClosesItselfAndSendsNothingMore() throws Exception {
    gate.release.countDown();
    int pagesSeen = 0;
    long records = 0;
    AuditLogPageCursor cursor = pages().iterator();
    while (cursor.hasNext()) {
      records += cursor.next().records().size();
      pagesSeen++;
    }
    int atEnd = gate.received.get();
    assertFalse(cursor.hasNext());
    assertEquals(100, records);
    assertEquals(records, cursor.fetchedRecords());
    assertTrue(pagesSeen >= 10, "pages: " + pagesSeen);
    assertEquals(atEnd, requestsOnceSettled());
  }
}
