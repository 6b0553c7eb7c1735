package dev.cfauditlogs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * One iteration over every matching record, fetching pages as it goes. Close it when stopping
 * early: requests in flight are cancelled. It closes itself at the end and on failure.
 */
public final class AuditLogCursor implements Iterator<AuditLog>, AutoCloseable {
  private final PageStream walker;
  private final Deque<AuditLog> buffer = new ArrayDeque<>();
  private boolean ended;
  private long skippedCount;
  private final List<SkippedElement> skipped = new ArrayList<>();

  AuditLogCursor(PageStream walker) {
    this.walker = walker;
  }

  /**
   * Whether another record follows; may block while the next page is fetched.
   *
   * @throws AuditLogsException when fetching fails after retries, or {@link PaginationException}
   *     when the server pages inconsistently
   */
  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && !ended) {
      AuditLogPage page = walker.next();
      if (page == null) {
        ended = true;
      } else {
        buffer.addAll(page.records());
        skippedCount += page.skippedCount();
        for (SkippedElement e : page.skipped()) {
          if (skipped.size() < PageElements.MAX_DESCRIBED) {
            skipped.add(e);
          }
        }
      }
    }
    return !buffer.isEmpty();
  }

  @Override
  public AuditLog next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.removeFirst();
  }

  /**
   * How many records this iteration has produced so far (including those not yet taken by {@link
   * #next()}).
   */
  public long fetchedRecords() {
    return walker.yielded();
  }

  /**
   * How many elements of {@code result} on the pages fetched so far were not records (not JSON
   * objects, or not valid JSON) and were skipped.
   */
  public long skippedCount() {
    return skippedCount;
  }

  /**
   * The first {@value PageElements#MAX_DESCRIBED} elements counted by {@link #skippedCount()}, in
   * order (each {@link SkippedElement#index()} is its position on its own page).
   */
  public List<SkippedElement> skipped() {
    return List.copyOf(skipped);
  }

  /**
   * The number of matching records the server reported ({@code result_info.total_count} of the
   * latest page), when it sent one; for progress displays.
   */
  public OptionalLong totalCount() {
    return walker.totalCount();
  }

  /** Stops the iteration and cancels requests in flight. Idempotent. */
  @Override
  public void close() {
    ended = true;
    buffer.clear();
    walker.close();
  }
}
