package dev.cfauditlogs;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Fetches the pages of one iteration in order. With concurrency {@code n > 1}, up to {@code n}
 * consecutive pages are requested concurrently ahead of the consumer; results are still handed out
 * strictly in page order, at most {@code n} pages are held, and {@link #close()} cancels every
 * request in flight.
 */
final class PageSource implements AutoCloseable {
  private final AuditLogsClient client;
  private final AuditLogQuery query;
  private int concurrency;
  private final Deque<PendingPage> pending = new ArrayDeque<>();
  private int nextToRequest;
  private boolean closed;

  PageSource(AuditLogsClient client, AuditLogQuery query, int firstPage, int concurrency) {
    this.client = client;
    this.query = query;
    this.concurrency = concurrency;
    this.nextToRequest = firstPage;
  }

  /** The next page in order (blocking); the page after the previous one fetched. */
  AuditLogPage next() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (concurrency <= 1) {
      return client.list(query.toBuilder().page(nextToRequest++).build(), Cancellation.NONE);
    }
    while (pending.size() < concurrency) {
      pending.addLast(submit(nextToRequest++));
    }
    PendingPage head = pending.removeFirst();
    try {
      return head.await();
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private PendingPage submit(int page) {
    return PendingPage.submit(client, query.toBuilder().page(page).build());
  }

  /** Whether requests may be in flight concurrently (so pages may be answered out of order). */
  boolean concurrent() {
    return concurrency > 1;
  }

  /**
   * From now on, requests one page at a time starting with {@code page}: what is in flight is
   * cancelled, and a page already received but not handed out is fetched again.
   */
  void sequentialFrom(int page) {
    for (PendingPage p : pending) {
      p.cancel();
    }
    pending.clear();
    concurrency = 1;
    nextToRequest = page;
  }

  /** Cancels every request in flight; pages not yet handed out are dropped. */
  @Override
  public void close() {
    closed = true;
    for (PendingPage p : pending) {
      p.cancel();
    }
    pending.clear();
  }
}
