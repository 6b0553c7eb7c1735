package dev.cfauditlogs;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One iteration page by page, fetching pages as it goes; the page view of {@link AuditLogCursor}.
 * Each page holds only records not handed out before (so it is never empty) and its original page
 * and response facts. Close it when stopping early: requests in flight (a page fetched ahead) are
 * cancelled, and no request is sent after {@link #close()}. It closes itself at the end and on
 * failure.
 */
public final class AuditLogPageCursor implements Iterator<AuditLogPage>, AutoCloseable {
  private final PageStream walker;
  private @Nullable AuditLogPage next;
  private boolean ended;

  AuditLogPageCursor(PageStream walker) {
    this.walker = walker;
  }

  /**
   * Whether another page follows; may block while it is fetched. Always false once closed.
   *
   * @throws AuditLogsException when fetching fails after retries, or {@link PaginationException}
   *     when the server pages inconsistently
   */
  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      try {
        next = walker.next();
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
      if (next == null) {
        close();
      }
    }
    return next != null;
  }

  @Override
  public AuditLogPage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    AuditLogPage page = next;
    next = null;
    return page;
  }

  /** How many records the pages handed out so far (and one fetched but not yet taken) hold. */
  public long fetchedRecords() {
    return walker.yielded();
  }

  /**
   * The number of matching records the server reported ({@code result_info.total_count} of the
   * latest page), when it sent one; for progress displays.
   */
  public OptionalLong totalCount() {
    return walker.totalCount();
  }

  /** Stops the iteration and cancels requests in flight; no request follows. Idempotent. */
  @Override
  public void close() {
    ended = true;
    next = null;
    walker.close();
  }
}
