package dev.cfauditlogs;

import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The heart of auto-pagination by offset: asks a {@link PageSource} for pages in order and decides,
 * page by page, what to yield and when to stop. It always ends: on an empty page; on a page shorter
 * than the {@code per_page} that {@code result_info} confirms; after a page that only looks like
 * the last one (short without {@code result_info}, or at {@code total_pages}) once one more request
 * confirms it (empty, or a repeat of what was seen, as servers that repeat the last page past the
 * end do); on a page the server sends again when more were expected ({@link PaginationException});
 * or at the page limit ({@link PaginationException}). Records are yielded once: ids seen on recent
 * pages are dropped.
 *
 * <p><b>Records written ahead of the pages read</b> (newest first, the list growing at its head
 * while it is read) push every record not read yet down: each one written between two requests
 * shows one record of the page before again. When a page or more of them is written between two
 * requests (the reader stalled, or the writes came in a burst), the next page holds only records
 * already yielded, which a server that repeats pages also sends. The two are told apart by {@code
 * total_count}: the walker keeps the growth of the list (the sum of the rises of {@code
 * total_count} from page to page) and the <em>frontier</em>, where the end of the furthest page
 * read is now, assuming the list grows only at its head (so position = end when read + growth
 * since). A page of seen records that lies wholly before the frontier is a shift: it is yielded
 * from nothing and the next page is asked for. One the growth does not explain (the total held
 * still) is a repeat, as before. When records no longer remembered ({@link RecentIds}) can be on a
 * page because the list grew by more than is remembered between two requests, the iteration ends
 * with a {@link PaginationException} instead of yielding them again; a list written faster than it
 * is read never ends by itself and stops at the page limit. Deletions at the tail while the list
 * grows make {@code total_count} understate the shift: a page of seen records is then taken for a
 * repeat (a typed error, nothing repeated).
 */
final class PageWalker implements PageStream {
  static final int REMEMBERED_PAGES = 4;

  /**
   * The fewest records whose ids are remembered (if more than {@link #REMEMBERED_PAGES} pages hold
   * them): four pages of the largest size, so that small pages do not make the pager forget sooner.
   */
  static final int REMEMBERED_RECORDS = REMEMBERED_PAGES * AuditLogQuery.MAX_PER_PAGE;

  private final PageSource source;
  private final int requestedPerPage;
  private final int maxPages;
  private final boolean growsAhead;
  private final RecentIds recent = new RecentIds(REMEMBERED_PAGES, REMEMBERED_RECORDS);
  private final int firstPage;
  private int pageNumber;
  private boolean lastWasNew;
  private OptionalLong totalCount = OptionalLong.empty();
  private @Nullable Long windowTotal;
  private @Nullable Long lastServerTotal;
  private long growth;
  private long frontier = Long.MIN_VALUE;
  private int fetched;
  private long yielded;
  private boolean confirmingEnd;
  private boolean done;

  /**
   * @param growsAhead whether records written during the iteration come before the pages not read
   *     yet (newest first), so that a growing {@code total_count} shifts them
   */
  PageWalker(
      PageSource source, int firstPage, int requestedPerPage, int maxPages, boolean growsAhead) {
    this.source = source;
    this.firstPage = firstPage;
    this.pageNumber = firstPage;
    this.requestedPerPage = requestedPerPage;
    this.maxPages = maxPages;
    this.growsAhead = growsAhead;
  }

  /** The next page with only records not yielded before (never empty), or null at the end. */
  @Override
  public @Nullable AuditLogPage next() {
    while (!done) {
      AuditLogPage page = nextFromServer();
      if (page != null) {
        return page;
      }
    }
    return null;
  }

  /** The next page's fresh records, or null when the page was a shift (or the iteration ended). */
  private @Nullable AuditLogPage nextFromServer() {
    if (fetched >= maxPages) {
      finish();
      throw PaginationException.pageLimit(fetched, yielded);
    }
    AuditLogPage page = fetch();
    if (source.concurrent()) {
      OptionalLong total = page.factsFromServer() ? page.totalCount() : OptionalLong.empty();
      if (fetched == 0) {
        if (total.isPresent()) {
          windowTotal = total.getAsLong();
        } else {
          source.sequentialFrom(pageNumber + 1); // no total_count to check the next pages against
        }
      } else if (total.isEmpty() || windowTotal == null || windowTotal != total.getAsLong()) {
        // Pages requested together may have been answered out of order while the window changed,
        // which can hide records at a page boundary: fetch this page again, then one at a time.
        source.sequentialFrom(pageNumber);
        page = fetch();
      }
    }
    fetched++;
    int number = pageNumber++;
    List<AuditLog> records = page.records();
    if (page.totalCount().isPresent()) {
      totalCount = page.totalCount();
    }
    int elements = records.size() + page.skippedCount(); // what the server sent, records or not
    if (elements == 0) {
      finish();
      return null;
    }
    int perPage = page.factsFromServer() ? page.perPage() : requestedPerPage;
    long start = (long) (number - 1) * perPage;
    long end = start + elements;
    observeGrowth(page);
    if (recent.forgottenAnchor() != Long.MIN_VALUE && recent.forgottenAnchor() + growth > start) {
      finish();
      throw PaginationException.inconsistent(
          "The list grew by "
              + growth
              + " records while it was read by offset (records written ahead of the pages read"
              + " push them down), so page "
              + number
              + " can hold records yielded too long ago to be told apart (the ids of the last "
              + REMEMBERED_RECORDS
              + " are remembered). Page without an explicit 'page': new records do not shift"
              + " keyset paging.",
          fetched,
          yielded);
    }
    boolean shifted = frontier != Long.MIN_VALUE && end <= frontier + growth;
    // A page equal to the one before it, when that one was itself new and not the first: the server
    // repeats its last page past the end (a server ignoring 'page' would already have repeated page
    // one at page two).
    boolean repeatsLast =
        number > firstPage + 1
            && lastWasNew
            && !records.isEmpty()
            && recent.sameAsLastPage(records);
    List<AuditLog> fresh = recent.admit(records, end - growth);
    frontier = Math.max(frontier, end - growth);
    lastWasNew = !fresh.isEmpty();
    boolean shortPage = elements < perPage;
    boolean atTotal = page.totalPages().isPresent() && number >= page.totalPages().getAsInt();
    // result_info confirms the page size asked for, and this page is short: nothing follows
    boolean confirmedLast = shortPage && page.factsFromServer() && perPage == requestedPerPage;
    if (fresh.isEmpty() && !records.isEmpty()) {
      if (shifted) {
        // every record on it moved down from pages already read: read on, unless it is the last
        if (confirmedLast) {
          finish();
        }
        confirmingEnd = shortPage || atTotal;
        return null;
      }
      finish();
      if (confirmingEnd || repeatsLast) {
        return null;
      }
      throw PaginationException.inconsistent(
          "The server sent page "
              + number
              + " with only records already yielded from earlier pages: it ignores 'page' or"
              + " repeats pages.",
          fetched,
          yielded);
    }
    if (confirmedLast) {
      finish();
    }
    confirmingEnd = shortPage || atTotal;
    yielded += fresh.size();
    return page.withRecords(fresh);
  }

  /**
   * Adds the rise of {@code total_count} since the page before, when records written now come ahead
   * of the pages not read yet and both pages carry the server's total.
   */
  private void observeGrowth(AuditLogPage page) {
    OptionalLong total = page.factsFromServer() ? page.totalCount() : OptionalLong.empty();
    if (total.isEmpty()) {
      return;
    }
    if (growsAhead && lastServerTotal != null && total.getAsLong() > lastServerTotal) {
      growth += total.getAsLong() - lastServerTotal;
    }
    lastServerTotal = total.getAsLong();
  }

  /** The total the server reported on the latest page that had one. */
  @Override
  public OptionalLong totalCount() {
    return totalCount;
  }

  @Override
  public long yielded() {
    return yielded;
  }

  private AuditLogPage fetch() {
    try {
      return source.next();
    } catch (RuntimeException e) {
      finish();
      throw e;
    }
  }

  private void finish() {
    done = true;
    source.close();
  }

  @Override
  public void close() {
    finish();
  }
}
