package dev.cfauditlogs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 *   <li><b>A fixed window.</b> When the query has no {@code before}, the iteration pins the window
 *       at the moment it starts (by this client's clock): it reads everything before the start's
 *       whole second with {@code before} set to that second, and the records of that one second
 *       with a second small query ({@code since} that second, {@code before} the next) — first for
 *       {@code desc}, last for {@code asc}. Logs written while it runs therefore cannot shift the
 *       pages of the main window (Cloudflare stamps logs to the second), and no log of the starting
 *       second is missed; a log written later within that same second may appear, once. The
 *       caller's {@code since} (full-date or date-time) is sent unchanged; a {@code since} in the
 *       future, or an explicit {@code page}, leaves a single window.
 *   <li><b>Exactly once.</b> Every record that existed when the iteration started and matches the
 *       query is yielded once. Records a shifted page boundary shows again are dropped by id (the
 *       ids of the last {@value PageWalker#REMEMBERED_PAGES} pages are remembered, so memory stays
 *       flat). A record without a string {@code id} is recognised by its exact JSON text instead:
 *       byte-identical records without an id count as one. A record written during the iteration
 *       but before the pinned instant (within the same second) may appear, also once.
 *   <li><b>Tolerant.</b> A record is yielded whatever the JSON types of its fields, with or without
 *       a usable {@code id} or {@code when} (see {@link AuditLog#mismatches()}); an element of
 *       {@code result} that is not a record is skipped and counted ({@link
 *       AuditLogCursor#skippedCount()}, {@link AuditLogPage#skipped()}), never the end of the
 *       iteration.
 *   <li><b>It ends.</b> On an empty page; on a short page whose {@code result_info} confirms the
 *       page size; after a page that only looks like the last one (short without {@code
 *       result_info}, or at {@code total_pages}) once one more request confirms it (empty, or a
 *       repeat). A server that repeats a page or ignores {@code page} when more records were
 *       expected ends the iteration with a {@link PaginationException}, never with duplicates or a
 *       loop; so does reaching {@link #withMaxPages(int) the page limit} (default {@value
 *       #DEFAULT_MAX_PAGES}).
 *   <li><b>Bounded memory.</b> At most the prefetched pages and one page being consumed are held.
 * </ul>
 *
 * <p>Unless the query sets {@code per_page}, iteration asks for {@value AuditLogQuery#MAX_PER_PAGE}
 * records a page, the fewest requests. All requests go through the client's rate limiter and
 * retries.
 */
public final class AuditLogPager implements Iterable<AuditLog> {
  /**
   * Pages requested ahead by default. Two keeps one request in flight while a page is consumed,
   * which hides most of the latency; more concurrency mainly helps on slow links, and Cloudflare's
   * budget of 1200 requests per 5 minutes (4 per second sustained) is reached with a few requests
   * in flight anyway.
   */
  public static final int DEFAULT_PREFETCH = 2;

  /** The default page limit: ten million records at a thousand a page. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  private static final int MAX_PREFETCH = 16;

  private final AuditLogsClient client;
  private final AuditLogQuery query;
  private final int prefetch;
  private final int maxPages;

  AuditLogPager(AuditLogsClient client, AuditLogQuery query, int prefetch, int maxPages) {
    this.client = client;
    this.query = query;
    this.prefetch = prefetch;
    this.maxPages = maxPages;
  }

  /**
   * A copy that keeps up to {@code pages} requests in flight ahead of the consumer (1 = strictly
   * sequential, at most 16). Records still come in order.
   */
  public AuditLogPager withPrefetch(int pages) {
    if (pages < 1 || pages > MAX_PREFETCH) {
      throw new InvalidRequestException(
          "prefetch", "prefetch must be between 1 and " + MAX_PREFETCH + " but was " + pages);
    }
    return new AuditLogPager(client, query, pages, maxPages);
  }

  /** A copy that stops with a {@link PaginationException} after {@code pages} requests. */
  public AuditLogPager withMaxPages(int pages) {
    if (pages < 1) {
      throw new InvalidRequestException("maxPages", "maxPages must be 1 or more but was " + pages);
    }
    return new AuditLogPager(client, query, prefetch, pages);
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
   * A new iteration page by page. Each page holds only records not yielded before (so never empty)
   * and its original page facts.
   */
  public Iterable<AuditLogPage> pages() {
    return () -> AuditLogCursor.pages(walker());
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
    AuditLogQuery sized = query.toBuilder().perPage(perPage).build();
    if (query.beforeBound() != null) {
      return segment(sized, perPage, prefetch);
    }
    Instant start = client.clock().instant();
    Instant second = start.truncatedTo(ChronoUnit.SECONDS);
    Instant nextSecond = second.plusSeconds(1);
    TimeBound since = query.sinceBound();
    if (query.page().isPresent() || (since != null && since.start().isAfter(second))) {
      if (since != null && !since.start().isBefore(nextSecond)) {
        return segment(sized, perPage, prefetch); // since is in the future: nothing to pin
      }
      return segment(sized.toBuilder().before(nextSecond).build(), perPage, prefetch);
    }
    AuditLogQuery main = sized.toBuilder().before(second).build();
    AuditLogQuery last = sized.toBuilder().since(second).before(nextSecond).build();
    boolean skipMain = since != null && !since.start().isBefore(second);
    List<Supplier<PageWalker>> windows = new ArrayList<>();
    Supplier<PageWalker> mainWindow = () -> segment(main, perPage, prefetch);
    Supplier<PageWalker> lastSecond = () -> segment(last, perPage, 1);
    boolean ascending = query.direction().orElse(Direction.DESC) == Direction.ASC;
    if (!skipMain && ascending) {
      windows.add(mainWindow);
    }
    windows.add(lastSecond);
    if (!skipMain && !ascending) {
      windows.add(mainWindow);
    }
    return new SegmentedPages(windows);
  }

  private PageWalker segment(AuditLogQuery q, int perPage, int pagesAhead) {
    int firstPage = q.page().orElse(1);
    return new PageWalker(
        new PageSource(client, q, firstPage, pagesAhead), firstPage, perPage, maxPages);
  }

  @Override
  public String toString() {
    return "AuditLogPager{" + query + ", prefetch=" + prefetch + ", maxPages=" + maxPages + '}';
  }
}
