package dev.cfauditlogs;

import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The heart of auto-pagination: asks a {@link PageSource} for pages in order and decides, page by
 * page, what to yield and when to stop. It always ends: on an empty page; on a page shorter than
 * the {@code per_page} that {@code result_info} confirms; after a page that only looks like the
 * last one (short without {@code result_info}, or at {@code total_pages}) once one more request
 * confirms it (empty, or a repeat of what was seen, as servers that repeat the last page past the
 * end do); on a page the server sends again when more were expected ({@link PaginationException});
 * or at the page limit ({@link PaginationException}). Records are yielded once: ids seen on recent
 * pages are dropped.
 */
final class PageWalker implements PageStream {
  static final int REMEMBERED_PAGES = 4;

  private final PageSource source;
  private final int requestedPerPage;
  private final int maxPages;
  private final RecentIds recent = new RecentIds(REMEMBERED_PAGES);
  private final int firstPage;
  private int pageNumber;
  private boolean lastWasNew;
  private OptionalLong totalCount = OptionalLong.empty();
  private @Nullable Long windowTotal;
  private int fetched;
  private long yielded;
  private boolean confirmingEnd;
  private boolean done;

  PageWalker(PageSource source, int firstPage, int requestedPerPage, int maxPages) {
    this.source = source;
    this.firstPage = firstPage;
    this.pageNumber = firstPage;
    this.requestedPerPage = requestedPerPage;
    this.maxPages = maxPages;
  }

  /** The next page with only records not yielded before (never empty), or null at the end. */
  @Override
  public @Nullable AuditLogPage next() {
    if (done) {
      return null;
    }
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
    // A page equal to the one before it, when that one was itself new and not the first: the server
    // repeats its
    // last page past the end (a server ignoring 'page' would already have repeated page one at page
    // two).
    boolean repeatsLast =
        number > firstPage + 1
            && lastWasNew
            && !records.isEmpty()
            && recent.sameAsLastPage(records);
    List<AuditLog> fresh = recent.admit(records);
    lastWasNew = !fresh.isEmpty();
    if (fresh.isEmpty() && !records.isEmpty()) {
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
    int perPage = page.factsFromServer() ? page.perPage() : requestedPerPage;
    boolean shortPage = elements < perPage;
    boolean atTotal = page.totalPages().isPresent() && number >= page.totalPages().getAsInt();
    if (shortPage && page.factsFromServer() && perPage == requestedPerPage) {
      finish(); // result_info confirms the page size asked for, and this page is short: nothing
      // follows
    }
    confirmingEnd = shortPage || atTotal;
    yielded += fresh.size();
    return page.withRecords(fresh);
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
