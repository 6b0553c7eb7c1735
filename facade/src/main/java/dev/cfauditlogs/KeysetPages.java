package dev.cfauditlogs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Iterates a window by keyset on {@code when}, so that neither appends nor deletes (Cloudflare's
 * retention removes the oldest logs continuously) can shift what is read, and nothing depends on
 * the local clock.
 *
 * <ul>
 *   <li>Each request asks for page 1 of what lies beyond the last second read: {@code asc} moves
 *       {@code since} forward to the {@code when} second of the last record received ({@code since}
 *       is inclusive, observed), {@code desc} moves {@code before} back to the second after it.
 *       Bounds are whole seconds, so sub-second digits in {@code when} and whether the server
 *       honours them do not matter. That boundary second is read again; its records already yielded
 *       are dropped by id ({@link BoundaryKeys}).
 *   <li>{@code asc} first pins the window's end with one request for the newest record ({@code
 *       direction=desc}, {@code per_page=1}): the end is the later of the server's {@code Date} and
 *       that record's second, plus one second. Logs written after the start therefore do not
 *       prolong the iteration. {@code desc} needs no pin: it reads away from the new end.
 *   <li>A page whose records all share the boundary second makes no progress by keyset: that second
 *       is then read by offset ({@code since} the second, {@code before} the next, {@code page} 1,
 *       2, …), newest first whatever the direction, so that retention deleting its oldest records
 *       meanwhile moves nothing across a page boundary; {@code asc} holds that second's records and
 *       yields them oldest first once it is read. A full page with no usable {@code when} at all is
 *       followed by offset in the iteration's direction until a page has one.
 *   <li>A record without a usable {@code when} is yielded where the server placed it and never
 *       moves the window; like every record, it is dropped as a repeat when its key (id, else exact
 *       JSON) is among those of the boundary (the records at the end of the page the window last
 *       moved on, or every record of a second read by offset).
 *   <li>With concurrency above 1, the next keyset request (known as soon as a page arrives) is sent
 *       before the page is handed to the consumer: one request in flight ahead, never more, because
 *       each request depends on the page before it.
 *   <li>When the window's first page carries a {@code total_count}, its other pages are read by
 *       offset instead, up to {@code concurrency} in flight, each checked against the first (see
 *       {@link #startOffsets}); any that does not agree hands over to the keyset path above.
 * </ul>
 *
 * <p>A server that ignores {@code since}, {@code before} or {@code direction} (a record outside the
 * bounds asked for, or out of order) or {@code page} (page 2 of a second equal to page 1), or whose
 * total for one second keeps dropping, ends the iteration with a {@link PaginationException}; so
 * does the page limit.
 */
final class KeysetPages implements PageStream {

  private final AuditLogsClient client;
  private final AuditLogQuery base;
  private final boolean ascending;
  private final int perPage;
  private final int maxPages;
  private final boolean ahead;
  private final int concurrency;
  private final BoundaryKeys seen = new BoundaryKeys();

  /** The {@code since} of the next keyset query: the caller's, then (asc) the boundary second. */
  private @Nullable TimeBound lower;

  /** The {@code before} of the next keyset query: the caller's or the pin, (desc) then moved. */
  private @Nullable TimeBound upper;

  /** The second last moved to; its records already yielded are in {@link #seen}. */
  private @Nullable Instant edge;

  private @Nullable Step next;
  private @Nullable Step pendingStep;
  private @Nullable PendingPage pending;

  /** Cancels a request sent inline when the iteration is closed (from any thread). */
  private final Cancellation inline = new Cancellation();

  private @Nullable Set<String> previousPageKeys;

  /** asc: the records of a second read newest first, yielded oldest first when it is read. */
  private final List<AuditLog> secondBuffer = new ArrayList<>();

  /**
   * The window's pages 2, 3, … by offset, while {@code result_info} says how many there are and
   * every page agrees with page 1 (see {@link #startOffsets}); null on the keyset path.
   */
  private @Nullable AuditLogQuery offsetQuery;

  private long offsetTotal;
  private int offsetPages;

  /** The last page to ask for: {@link #offsetPages}, or one more to confirm a full last page. */
  private int offsetLast;

  private int offsetNext;
  private int offsetRequested;
  private final Deque<PendingPage> offsetPending = new ArrayDeque<>();

  /** asc: the key of the newest record when the window was pinned, the window's last record. */
  private @Nullable String newestKey;

  /**
   * asc: the second after the newest record's, when the server's {@code Date} at the pin was
   * already past that record's second (so that logs written later, stamped at or after that {@code
   * Date}, fall outside it); null when not.
   */
  private @Nullable Instant closedEnd;

  private boolean confirmingEnd;
  private long boundaryYielded;
  private OptionalLong total = OptionalLong.empty();
  private int fetched;
  private long yielded;
  private boolean done;

  /** One request: its query, the second it reads by offset (null: a keyset query), its page. */
  private record Step(AuditLogQuery query, boolean probe, @Nullable Instant second, int page) {}

  KeysetPages(
      AuditLogsClient client, AuditLogQuery query, int perPage, int concurrency, int maxPages) {
    this.client = client;
    this.base = query.toBuilder().perPage(perPage).build();
    this.ascending = query.direction().orElse(Direction.DESC) == Direction.ASC;
    this.perPage = perPage;
    this.maxPages = maxPages;
    this.ahead = concurrency > 1;
    this.concurrency = concurrency;
    this.lower = query.sinceBound();
    this.upper = query.beforeBound();
    this.next =
        ascending
            ? new Step(
                base.toBuilder().direction(Direction.DESC).perPage(1).page(1).build(),
                true,
                null,
                1)
            : keyset();
  }

  @Override
  public @Nullable AuditLogPage next() {
    while (!done) {
      if (offsetQuery != null) {
        AuditLogPage page = nextOffsetPage();
        if (page != null) {
          return page;
        }
        continue; // the window ended, or the keyset path takes over
      }
      Step step = next;
      if (step == null) {
        finish();
        return null;
      }
      if (fetched >= maxPages) {
        finish();
        throw PaginationException.pageLimit(fetched, yielded);
      }
      AuditLogPage page = fetch(step);
      fetched++;
      next = null;
      List<AuditLog> fresh;
      try {
        fresh = step.probe() ? pin(page) : read(step, page);
      } catch (RuntimeException e) {
        finish();
        throw e;
      }
      if (offsetQuery != null) {
        requestOffsets();
      } else if (next != null && ahead) {
        pendingStep = next;
        pending = PendingPage.submit(client, next.query());
      }
      // A page of only skipped elements is passed on too, so that they are counted (a boundary
      // second read again may count one twice; its records are never yielded twice).
      if (!fresh.isEmpty() || (!step.probe() && page.skippedCount() > 0)) {
        yielded += fresh.size();
        return page.withRecords(fresh);
      }
    }
    return null;
  }

  /** asc: sets the window's end from the newest record and the server's Date. */
  private List<AuditLog> pin(AuditLogPage page) {
    if (page.records().isEmpty() && page.skippedCount() == 0) {
      return List.of(); // nothing in the window: next stays null, the iteration ends
    }
    // The newest element may be one that is not a record: then the server's Date alone ends the
    // window (or nothing does, and the iteration reads to the end).
    Instant end = null;
    for (AuditLog log : page.records()) {
      end = later(end, log.when().map(KeysetPages::second).orElse(null));
    }
    end = later(end, page.response().date().map(KeysetPages::second).orElse(null));
    if (!page.records().isEmpty()) {
      newestKey = RecentIds.identity(page.records().get(0));
      Instant newest = page.records().get(0).when().map(KeysetPages::second).orElse(null);
      Instant date = page.response().date().map(KeysetPages::second).orElse(null);
      if (newest != null && (date == null || date.isAfter(newest))) {
        closedEnd = newest.plusSeconds(1);
      }
    }
    if (end != null) {
      upper = earlier(upper, end.plusSeconds(1));
    }
    total = reported(page);
    next = keyset();
    return List.of();
  }

  /**
   * The records of this page to yield. In {@code asc}, the records of a second read newest first
   * are held back until the second is read, then yielded oldest first.
   */
  private List<AuditLog> read(Step step, AuditLogPage page) {
    List<AuditLog> fresh = readPage(step, page);
    if (!ascending || step.second() == null) {
      return fresh;
    }
    secondBuffer.addAll(fresh);
    if (next != null && next.second() != null) {
      return List.of();
    }
    List<AuditLog> oldestFirst = new ArrayList<>(secondBuffer);
    Collections.reverse(oldestFirst);
    secondBuffer.clear();
    return oldestFirst;
  }

  private List<AuditLog> readPage(Step step, AuditLogPage page) {
    List<AuditLog> records = page.records();
    checkBoundsAndOrder(step.query(), records);
    if (step.page() == 1) {
      previousPageKeys = null;
      confirmingEnd = false;
      if (step.second() == null && page.factsFromServer() && page.totalCount().isPresent()) {
        total = OptionalLong.of(yielded - boundaryYielded + page.totalCount().getAsLong());
      }
    }
    // Elements that are not records still count for "empty" and "full": a page of them is not
    // the end, and a page that lost some to them is not short.
    int elements = records.size() + page.skippedCount();
    if (elements == 0) {
      endQuery(step);
      return List.of();
    }
    Set<String> keys = new HashSet<>();
    List<AuditLog> fresh = fresh(records, keys);
    if (step.page() >= 2 && fresh.isEmpty() && keys.equals(previousPageKeys)) {
      if (step.page() == 2) {
        throw PaginationException.inconsistent(
            "The server sent page 2 of "
                + describe(step.query())
                + " equal to page 1: it ignores 'page'.",
            fetched,
            yielded);
      }
      endQuery(step); // a server that repeats its last page past the end
      return List.of();
    }
    previousPageKeys = keys;
    Instant reached = lastSecond(records);
    boolean full = elements >= (page.factsFromServer() ? page.perPage() : perPage);
    boolean confirmedShort = !full && page.factsFromServer() && page.perPage() == perPage;
    if (step.second() == null && reached != null && (edge == null || beyond(reached, edge))) {
      boolean first = edge == null;
      moveTo(reached, records);
      next = confirmedShort ? null : keyset();
      if (first && !confirmedShort) {
        startOffsets(step.query(), page, records);
      }
      return fresh;
    }
    seen.add(records);
    if (confirmedShort || ((!full || confirmingEnd) && fresh.isEmpty())) {
      endQuery(step);
      return fresh;
    }
    boolean atTotal = page.totalPages().isPresent() && step.page() >= page.totalPages().getAsInt();
    confirmingEnd = !full || atTotal;
    if (full && step.second() == null && edge != null) {
      next = new Step(secondQuery(edge), false, edge, 1);
    } else {
      next =
          new Step(withPage(step.query(), step.page() + 1), false, step.second(), step.page() + 1);
    }
    return fresh;
  }

  /**
   * After the window's first page, when {@code result_info} gives the window's size: its other
   * pages are fetched by offset ({@code page} 2, 3, …, up to {@code concurrency} in flight) over
   * the same query bounded ({@code before}) just after the newest record's second, so that logs
   * written later (stamped at or after the server's {@code Date}: an observation, not a documented
   * rule) stay out; {@code asc} only when the server's {@code Date} at the pin was already past
   * that second. Every page must agree with page 1 ({@link #continuesWindow}): a log written into
   * the window or deleted from it changes {@code total_count}, a shift repeats a record; the first
   * page that does not agree hands over to the keyset path from the last page yielded (the pages
   * asked for after it, at most twice {@code concurrency}, are discarded: requests spent). The
   * window ends at the last page {@code total_count} implies when that page is short; a full last
   * page ends it in {@code asc} when it ends with the record the pin found newest, and otherwise
   * one more page by offset must come back empty (a total may understate what follows). A window of
   * N pages therefore costs N requests ({@code desc}), N + 1 with a full last page or in {@code
   * asc} (the pin).
   */
  private void startOffsets(AuditLogQuery query, AuditLogPage page, List<AuditLog> records) {
    int elements = records.size() + page.skippedCount();
    if (!page.factsFromServer()
        || page.perPage() != perPage
        || page.totalCount().isEmpty()
        || elements != perPage) {
      return;
    }
    long total = page.totalCount().getAsLong();
    long pages = (total + perPage - 1) / perPage;
    if (total < elements
        || pages >= Integer.MAX_VALUE
        || (page.totalPages().isPresent() && page.totalPages().getAsInt() != pages)) {
      return; // result_info contradicts itself or this page: the keyset path does not rely on it
    }
    if (pages == 1 && endsWithNewest(records)) {
      next = null;
      return;
    }
    // The window's end, closed to logs written from now on: desc, after the newest record's
    // second; asc, the same from the pin, unless the server's clock was still in that second.
    Instant newest = ascending ? closedEnd : firstSecond(records);
    if (!ascending && newest != null) {
      newest = newest.plusSeconds(1);
    }
    if (newest == null) {
      return;
    }
    AuditLogQuery offsets =
        query.toBuilder().before(earlier(query.beforeBound(), newest).wireValue()).build();
    offsetQuery = offsets;
    offsetTotal = total;
    offsetPages = (int) pages;
    // desc knows now whether its last page will be full, and asks for the one after it together
    boolean lastFull = total % perPage == 0;
    offsetLast = offsetPages + (lastFull && (!ascending || pages == 1) ? 1 : 0);
    offsetNext = 2;
    offsetRequested = 1;
  }

  /** asc: whether these records end with the record the pin found newest, the window's last. */
  private boolean endsWithNewest(List<AuditLog> records) {
    return ascending
        && newestKey != null
        && !records.isEmpty()
        && newestKey.equals(RecentIds.identity(records.get(records.size() - 1)));
  }

  private static int elements(AuditLogPage page) {
    return page.records().size() + page.skippedCount();
  }

  /**
   * Keeps up to {@code concurrency} of the window's next pages in flight: pages answered but not
   * yet taken do not count (a consumer slower than the network still has every request working for
   * it), and at most twice that many pages are held.
   */
  private void requestOffsets() {
    AuditLogQuery query = offsetQuery;
    while (query != null
        && PendingPage.inFlight(offsetPending) < concurrency
        && offsetPending.size() < 2 * concurrency
        && offsetRequested < offsetLast
        && fetched < maxPages) {
      fetched++; // counted when sent: a page discarded later was a request all the same
      offsetRequested++;
      offsetPending.addLast(PendingPage.submit(client, withPage(query, offsetRequested)));
    }
  }

  /**
   * The next page of the window by offset, or null when the window has ended or the keyset path
   * takes over ({@link #next} says which).
   */
  private @Nullable AuditLogPage nextOffsetPage() {
    AuditLogQuery query = offsetQuery;
    if (query == null) {
      return null;
    }
    requestOffsets();
    PendingPage head = offsetPending.pollFirst();
    if (head == null) {
      if (fetched >= maxPages) {
        finish();
        throw PaginationException.pageLimit(fetched, yielded);
      }
      fallBack();
      return null;
    }
    AuditLogPage page;
    try {
      page = head.await();
    } catch (RuntimeException | Error e) {
      finish();
      throw e;
    }
    int number = offsetNext++;
    List<AuditLog> records = page.records();
    if (number > offsetPages) {
      if (continuesWindow(number, page)) {
        offsetQuery = null; // the page after the last is empty: the window has ended
        next = null;
      } else {
        fallBack();
      }
      return null;
    }
    Instant reached = lastSecond(records);
    Set<String> keys = new HashSet<>();
    List<AuditLog> fresh = fresh(records, keys);
    if (!continuesWindow(number, page) || reached == null || fresh.size() != records.size()) {
      fallBack();
      return null;
    }
    try {
      checkBoundsAndOrder(query, records);
    } catch (RuntimeException e) {
      finish();
      throw e;
    }
    Instant first = firstSecond(records);
    if (edge != null && first != null && beyond(edge, first)) {
      fallBack(); // this page starts before the previous one ended: not the same order
      return null;
    }
    if (reached.equals(edge)) {
      seen.add(records);
      boundaryYielded = seen.currentSize();
    } else {
      moveTo(reached, records);
    }
    if (number == offsetPages && elements(page) == perPage && endsWithNewest(records)) {
      offsetLast = number; // asc: the full last page ends with the newest record
    } else if (number == offsetPages && elements(page) == perPage) {
      offsetLast = number + 1; // one more page, which must come back empty
    }
    if (number >= offsetLast) {
      offsetQuery = null;
      next = null;
    } else {
      requestOffsets();
    }
    yielded += fresh.size();
    return page.withRecords(fresh);
  }

  /**
   * Whether page {@code number} is the one page 1 announced: the same {@code total_count}, page
   * size and page count, the page number asked for, and exactly as many elements as {@code
   * total_count} leaves for it. A window that changed (a log written into it, or deleted from it)
   * or a server that lies fails this.
   */
  private boolean continuesWindow(int number, AuditLogPage page) {
    long expected = Math.max(0, Math.min(perPage, offsetTotal - (long) (number - 1) * perPage));
    return page.factsFromServer()
        && page.page() == number
        && page.perPage() == perPage
        && page.totalCount().orElse(-1) == offsetTotal
        && (page.totalPages().isEmpty() || page.totalPages().getAsInt() == offsetPages)
        && page.records().size() + page.skippedCount() == expected;
  }

  /** The keyset path continues from the last page yielded; what is in flight is cancelled. */
  private void fallBack() {
    cancelOffsets();
    offsetQuery = null;
    previousPageKeys = null;
    confirmingEnd = false;
    next = keyset();
  }

  private void cancelOffsets() {
    for (PendingPage p : offsetPending) {
      p.cancel();
    }
    offsetPending.clear();
  }

  /**
   * The records whose keys are neither in {@link #seen} nor earlier in the list; fills {@code
   * keys}.
   */
  private List<AuditLog> fresh(List<AuditLog> records, Set<String> keys) {
    List<AuditLog> fresh = new ArrayList<>(records.size());
    for (AuditLog log : records) {
      String key = RecentIds.identity(log);
      if (keys.add(key) && !seen.contains(key)) {
        fresh.add(log);
      }
    }
    return fresh;
  }

  /** The window moves to {@code second}, the last one the page reached. */
  private void moveTo(Instant second, List<AuditLog> records) {
    edge = second;
    List<AuditLog> boundary = new ArrayList<>();
    for (int i = records.size() - 1; i >= 0; i--) {
      Optional<Instant> when = records.get(i).when();
      if (when.isPresent() && !second(when.get()).equals(second)) {
        break;
      }
      boundary.add(records.get(i));
    }
    seen.moveTo(boundary);
    boundaryYielded = seen.currentSize();
    if (ascending) {
      lower = laterBound(lower, second);
    } else {
      upper = earlier(upper, second.plusSeconds(1));
    }
  }

  /** The query in progress is read to its end: a second read by offset, or the whole window. */
  private void endQuery(Step step) {
    Instant second = step.second();
    if (second == null) {
      next = null;
      return;
    }
    if (ascending) {
      lower = laterBound(lower, second.plusSeconds(1));
    } else {
      upper = earlier(upper, second);
    }
    boundaryYielded = 0;
    next = keyset();
  }

  private Step keyset() {
    return new Step(bounded(lower, upper, 1), false, null, 1);
  }

  /**
   * One second, newest first whatever the iteration's direction: retention deletes the oldest
   * records, at the far end of this order, so it cannot move a record across a page boundary.
   */
  private AuditLogQuery secondQuery(Instant second) {
    return bounded(laterBound(lower, second), earlier(upper, second.plusSeconds(1)), 1).toBuilder()
        .direction(Direction.DESC)
        .build();
  }

  private AuditLogQuery bounded(@Nullable TimeBound since, @Nullable TimeBound before, int page) {
    return base.toBuilder()
        .since(since == null ? null : since.wireValue())
        .before(before == null ? null : before.wireValue())
        .page(page)
        .build();
  }

  private static AuditLogQuery withPage(AuditLogQuery query, int page) {
    return query.toBuilder().page(page).build();
  }

  /**
   * Every record with a usable {@code when} must lie within the query's bounds (widened to whole
   * seconds, and by one second at {@code before} in case the server treats it as inclusive) and in
   * the requested order, compared by second.
   */
  private void checkBoundsAndOrder(AuditLogQuery query, List<AuditLog> records) {
    boolean asc = query.direction().orElse(Direction.DESC) == Direction.ASC;
    TimeBound since = query.sinceBound();
    TimeBound before = query.beforeBound();
    Instant low = since == null ? null : second(since.start());
    Instant high = before == null ? null : ceilSecond(before.start());
    Instant previous = null;
    for (AuditLog log : records) {
      Instant when = log.when().orElse(null);
      if (when == null) {
        continue;
      }
      Instant s = second(when);
      if ((low != null && s.isBefore(low)) || (high != null && s.isAfter(high))) {
        throw PaginationException.inconsistent(
            "The server sent a record of "
                + when
                + " for "
                + describe(query)
                + ": it ignores 'since' or 'before'.",
            fetched,
            yielded);
      }
      if (previous != null && (asc ? s.isBefore(previous) : s.isAfter(previous))) {
        throw PaginationException.inconsistent(
            "The server sent a record of "
                + when
                + " after one of "
                + previous
                + " although direction="
                + (asc ? "asc" : "desc")
                + " was asked for: it ignores 'direction'.",
            fetched,
            yielded);
      }
      previous = s;
    }
  }

  private @Nullable Instant lastSecond(List<AuditLog> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      Optional<Instant> when = records.get(i).when();
      if (when.isPresent()) {
        return second(when.get());
      }
    }
    return null;
  }

  private @Nullable Instant firstSecond(List<AuditLog> records) {
    for (AuditLog log : records) {
      Optional<Instant> when = log.when();
      if (when.isPresent()) {
        return second(when.get());
      }
    }
    return null;
  }

  private boolean beyond(Instant second, Instant than) {
    return ascending ? second.isAfter(than) : second.isBefore(than);
  }

  private AuditLogPage fetch(Step step) {
    PendingPage ready = step == pendingStep ? pending : null;
    if (ready != null) {
      pending = null;
      pendingStep = null;
    }
    cancelPending();
    try {
      return ready != null ? ready.await() : client.list(step.query(), inline);
    } catch (RuntimeException | Error e) {
      finish();
      throw e;
    }
  }

  private void cancelPending() {
    if (pending != null) {
      pending.cancel();
    }
    pending = null;
    pendingStep = null;
  }

  private static String describe(AuditLogQuery q) {
    return "since="
        + q.since().orElse("(none)")
        + " before="
        + q.before().orElse("(none)")
        + (q.page().orElse(1) > 1 ? " page=" + q.page().getAsInt() : "");
  }

  private static Instant second(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant ceilSecond(Instant instant) {
    Instant down = second(instant);
    return down.equals(instant) ? down : down.plusSeconds(1);
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** The later of a {@code since} and a whole second: the tighter lower bound. */
  private static TimeBound laterBound(@Nullable TimeBound since, Instant second) {
    return since != null && !since.start().isBefore(second) ? since : TimeBound.of(second);
  }

  /** The earlier of a {@code before} and a whole second: the tighter upper bound. */
  private static TimeBound earlier(@Nullable TimeBound before, Instant second) {
    return before != null && !before.start().isAfter(second) ? before : TimeBound.of(second);
  }

  private static OptionalLong reported(AuditLogPage page) {
    return page.factsFromServer() ? page.totalCount() : OptionalLong.empty();
  }

  @Override
  public OptionalLong totalCount() {
    return total;
  }

  @Override
  public long yielded() {
    return yielded;
  }

  private void finish() {
    done = true;
    cancelPending();
    cancelOffsets();
  }

  @Override
  public void close() {
    finish();
    inline.cancel();
  }
}
