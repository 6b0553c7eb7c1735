package dev.cfauditlogs;

import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every record matching a query, page after page, obtained from {@link
 * AuditLogsClient#paginate(AuditLogQuery)}. Creating it sends nothing; each {@link #iterator()},
 * {@link #stream()}, {@link #pages()} or {@link #forEachAsync(Consumer)} is a new iteration that
 * starts at the query's first page.
 *
 * <h2>What an iteration guarantees</h2>
 *
 * <ul>
 *   <li><b>A window stable at both ends, whatever the clocks.</b> Every record that existed when
 *       the iteration started, matches the query, and still exists when its part of the window is
 *       read, is yielded exactly once — whatever this machine's clock says (ahead or behind, by
 *       seconds or hours: it is never consulted) and whatever is written or deleted meanwhile
 *       (Cloudflare deletes logs past retention continuously). A record written during the
 *       iteration may appear too, once. The iteration pages by keyset on {@code when} instead of by
 *       offset: each request asks for page 1 of what lies beyond the last second read ({@code asc}
 *       moves {@code since} forward, {@code desc} moves {@code before} back), reading that boundary
 *       second again and dropping its records already yielded by id. Bounds are whole seconds, so
 *       sub-second digits in {@code when} do not matter. {@code asc} first asks for the newest
 *       record ({@code direction=desc}, {@code per_page=1}) and ends the window after the later of
 *       its second and the server's {@code Date}: the server's notion of now, not this machine's. A
 *       second holding more records than a page is read by offset within that second, newest first
 *       (retention deletes at the other end, so nothing moves across a page boundary). The caller's
 *       {@code since} and {@code before} are kept (and only ever narrowed).
 *   <li><b>Exactly once.</b> Records are told apart by {@code id}, or by their exact JSON when they
 *       have none. A record with no usable {@code when} is yielded where the server placed it and
 *       never moves the window. Memory for de-duplication is the records of the boundary second
 *       (two seconds), not the whole iteration.
 *   <li><b>An explicit {@code page}</b> in the query means offset paging from that page instead,
 *       over the query as given: no window is held, and records deleted at the old end during an
 *       {@code asc} iteration can shift others past a page boundary. Records written during a
 *       newest-first iteration push the pages not read yet down: what they show again is dropped by
 *       id (the ids of at least the last four pages and the last 4,000 records are kept); a page of
 *       nothing but records already yielded is read through when {@code total_count} grew by enough
 *       to explain it (else it is a repeated page: {@link PaginationException}); when the log grows
 *       by more than is remembered, the iteration ends with a {@link PaginationException} rather
 *       than yield a record twice.
 *   <li><b>Tolerant.</b> A record is yielded whatever the JSON types of its fields, with or without
 *       a usable {@code id} or {@code when} (see {@link AuditLog#mismatches()}); an element of
 *       {@code result} that is not a record is skipped and counted ({@link
 *       AuditLogCursor#skippedCount()}, {@link AuditLogPage#skipped()}), never the end of the
 *       iteration.
 *   <li><b>It ends.</b> On an empty page; on a short page whose {@code result_info} confirms the
 *       page size; after a page that only looks like the last one once one more request confirms
 *       it. A server that ignores {@code since}, {@code before}, {@code direction} or {@code page}
 *       (a record outside the bounds asked for or out of order, or a repeated page), or whose
 *       records of one second keep changing while they are read, ends the iteration with a {@link
 *       PaginationException}, never with duplicates or a loop; so does reaching {@link
 *       #withMaxPages(int) the page limit} (default {@value #DEFAULT_MAX_PAGES} requests).
 *   <li><b>Bounded memory.</b> At most twice as many pages as requests may be in flight ({@link
 *       #withConcurrency(int)}: those in flight and, paging a window by offset, those answered
 *       ahead of the consumer), one page being consumed and the keys of the boundary second are
 *       held; {@code asc} also holds the records of a second that has more than a page of them
 *       while it reads that second.
 * </ul>
 *
 * <p>The server's clock is compared with this machine's on every response; a difference over a
 * minute is reported once (see {@link AuditLogsClient.Builder#onClockSkew}) but changes nothing
 * here.
 *
 * <p>Unless the query sets {@code per_page}, iteration asks for {@value AuditLogQuery#MAX_PER_PAGE}
 * records a page, the fewest requests. All requests go through the client's rate limiter and
 * retries.
 */
public final class AuditLogPager implements Iterable<AuditLog> {
  /**
   * Requests in flight by default: {@value}. Measured with {@code bench export} (20,000 records, 50
   * ms added to every response, a 2-core machine, see bench/README.md), against one request at a
   * time: at {@code per_page} 1000 (the default page size) 2 in flight were 2.0–2.3× faster, 4
   * 3.1–3.2×, 8 3.3–4.8× and 16 1.8–4.1× (one JVM, two runs); at {@code per_page} 100 2, 4, 8 and
   * 16 were 1.9×, 3.4–3.6×, 5.1–7.0× and 8.2–9.5×. For the command-line tool's whole process at
   * {@code per_page} 1000, 8 and 16 took the same wall time and 16 more CPU (decoding many pages at
   * once on two cores competes with writing them). Eight is most of the gain at every page size
   * without holding more of the user's rate budget at once. Every request still passes the client's
   * rate limiter (Cloudflare's 1200 requests per 5 minutes, or what the server's {@code Ratelimit}
   * headers say), so a large export is paced by that budget whatever this is.
   */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** The most requests an iteration may keep in flight: {@value}. */
  public static final int MAX_CONCURRENCY = 16;

  /** The default page limit: ten million records at a thousand a page. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  private final AuditLogsClient client;
  private final AuditLogQuery query;
  private final int concurrency;
  private final int maxPages;

  AuditLogPager(AuditLogsClient client, AuditLogQuery query, int concurrency, int maxPages) {
    this.client = client;
    this.query = query;
    this.concurrency = concurrency;
    this.maxPages = maxPages;
  }

  /**
   * A copy that keeps at most {@code requests} requests in flight (1 = strictly one at a time, at
   * most {@value #MAX_CONCURRENCY}; default the client's {@link
   * AuditLogsClient.Builder#concurrency(int)}). Records still come in order and every guarantee
   * above holds whatever the value. Each request still passes the client's rate limiter, which also
   * follows the server's {@code Ratelimit} headers, so concurrency never spends the rate budget
   * faster than pacing allows.
   *
   * <ul>
   *   <li>When the window's first page carries {@code result_info} with a {@code total_count}, the
   *       window's other pages are requested by offset, up to {@code requests} at once, and each
   *       must agree with the first (same total, page size and page count, the page number asked
   *       for, the record count the total implies, the order continuing across the page boundary);
   *       the first that does not is discarded and the keyset path takes over from the last page
   *       yielded, one request at a time.
   *   <li>On the keyset path each request depends on the page before it: any value above 1 keeps
   *       exactly one request in flight while a page is consumed.
   *   <li>An explicit {@code page} in the query pages by offset, with up to {@code requests} pages
   *       in flight.
   * </ul>
   *
   * @throws InvalidRequestException naming {@code concurrency} when out of range
   */
  public AuditLogPager withConcurrency(int requests) {
    if (requests < 1 || requests > MAX_CONCURRENCY) {
      throw new InvalidRequestException(
          "concurrency",
          "concurrency must be between 1 and " + MAX_CONCURRENCY + " but was " + requests);
    }
    return new AuditLogPager(client, query, requests, maxPages);
  }

  /** A copy that stops with a {@link PaginationException} after {@code pages} requests. */
  public AuditLogPager withMaxPages(int pages) {
    if (pages < 1) {
      throw new InvalidRequestException("maxPages", "maxPages must be 1 or more but was " + pages);
    }
    return new AuditLogPager(client, query, concurrency, pages);
  }

  /** A new iteration over the records. Close it if you stop early. */
  @Override
  public AuditLogCursor iterator() {
    return new AuditLogCursor(walker());
  }

  /** A new iteration as a sequential stream; closing the stream stops all work. */
  public Stream<AuditLog> stream() {
    AuditLogCursor cursor = iterator();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cursor::close);
  }

  /**
   * The same iteration page by page: each {@code iterator()} or {@code stream()} of the result is a
   * new iteration, closed like the record view. Each page holds only records not yielded before (so
   * never empty) and its original page facts.
   */
  public AuditLogPages pages() {
    return new AuditLogPages(this::walker);
  }

  /**
   * Runs a new iteration on the client's threads, handing each record to {@code action} in order.
   * The future completes with the number of records, or fails with the {@link AuditLogsException}
   * that stopped it; cancelling it stops the iteration.
   */
  public CompletableFuture<Long> forEachAsync(Consumer<? super AuditLog> action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<Long> result = new CompletableFuture<>();
    client
        .executor()
        .execute(
            () -> {
              long count = 0;
              try (AuditLogCursor cursor = iterator()) {
                while (cursor.hasNext()) {
                  if (result.isCancelled()) {
                    return;
                  }
                  action.accept(cursor.next());
                  count++;
                }
                result.complete(count);
              } catch (CancellationException e) {
                result.cancel(false);
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  PageStream walker() {
    int perPage = query.perPage().orElse(AuditLogQuery.MAX_PER_PAGE);
    if (query.page().isPresent()) {
      AuditLogQuery sized = query.toBuilder().perPage(perPage).build();
      int firstPage = query.page().getAsInt();
      boolean newestFirst = query.direction().orElse(Direction.DESC) == Direction.DESC;
      return new PageWalker(
          new PageSource(client, sized, firstPage, concurrency),
          firstPage,
          perPage,
          maxPages,
          newestFirst);
    }
    return new KeysetPages(client, query, perPage, concurrency, maxPages);
  }

  @Override
  public String toString() {
    return "AuditLogPager{"
        + query
        + ", concurrency="
        + concurrency
        + ", maxPages="
        + maxPages
        + '}';
  }
}
