package dev.cfauditlogs;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A small paging server for pagination tests: serves records by {@code page}/{@code
 * per_page}/{@code direction}, honours {@code before}/{@code since}, and can misbehave the ways
 * real servers do.
 */
final class PagingServer extends Dispatcher {
  enum Mode {
    NORMAL,
    IGNORES_PAGE,
    REPEATS_LAST_PAGE,
    RESULT_NULL_PAST_END,
    NO_RESULT_PAST_END,
    /** Answers as if no since/before had been sent. */
    IGNORES_BOUNDS,
    /** Always newest first. */
    IGNORES_DIRECTION
  }

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final List<Rec> records = new CopyOnWriteArrayList<>();
  final List<HttpUrl> requests = new CopyOnWriteArrayList<>();

  /** What the slice contract says of each request received (checked after each test). */
  final List<String> contractViolations = new CopyOnWriteArrayList<>();

  Mode mode = Mode.NORMAL;
  boolean resultInfo = true;

  /** When set, total_pages is this function of the true total_pages. */
  IntFunction<Integer> totalPagesLie;

  /** Records appended after each request is answered (live writes). */
  int appendPerRequest;

  /**
   * More records appended after the request of this number (1-based) is answered: a burst of live
   * writes between two requests, as when the reader stalls while writes go on.
   */
  java.util.function.IntUnaryOperator appendAfterRequest = n -> 0;

  /** Answer these request numbers (1-based) with a 429 and retry-after 2. */
  List<Integer> rateLimitedRequests = List.of();

  /** The oldest records deleted after each request is answered (retention running). */
  int deleteOldestPerRequest;

  /** When set, a Date header this far from the real clock is sent (the server's clock). */
  Duration dateOffset;

  /** When true, total_count is off by a different amount on every response (a hostile server). */
  boolean jitterTotal;

  /** Records whose position (0-based) is a multiple of this are served without when (0: never). */
  int omitWhenEvery;

  /** Records whose position (0-based) is a multiple of this are served without id (0: never). */
  int omitIdEvery;

  /** Which records (by creation number) are served as an element that is not a record: 42. */
  java.util.function.IntPredicate servedAsNonRecord = n -> false;

  /** Delay, in ms, for a given page number. */
  IntFunction<Long> delayForPage = p -> 0L;

  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger nextId = new AtomicInteger();

  record Rec(String id, Instant when, boolean withId, boolean withWhen) {
    String json() {
      return "{"
          + (withId ? "\"id\":\"" + id + "\"," : "")
          + "\"action\":{\"result\":true,\"type\":\"login\"},\"actor\":{\"id\":\""
          + id
          + "\"}"
          + (withWhen ? ",\"when\":\"" + when + "\"" : "")
          + "}";
    }
  }

  /** A record as {@link #expectedIds} names it: its id, else {@code json:} and its exact JSON. */
  static String key(AuditLog log) {
    return log.id().orElseGet(() -> "json:" + log.json());
  }

  PagingServer withRecords(int n) {
    for (int i = 0; i < n; i++) {
      // two records share each second, to exercise ordering by when then id
      add(START.plusSeconds(i / 2));
    }
    return this;
  }

  /**
   * Starts {@code web} on 127.0.0.1 with this server behind it; the builder of a client pointed at
   * it.
   */
  AuditLogsClient.Builder start(MockWebServer web) throws IOException {
    web.setDispatcher(this);
    web.start(InetAddress.getByName("127.0.0.1"), 0);
    return AuditLogsClient.builder()
        .baseUrl(web.url("/client/v4").toString())
        .apiToken(ContractServer.TOKEN);
  }

  /** Closes both, then checks that every request received matched the slice. */
  void stop(MockWebServer web, AuditLogsClient client) {
    client.close();
    web.close();
    if (!contractViolations.isEmpty()) {
      throw new AssertionError("requests that do not match the slice: " + contractViolations);
    }
  }

  /** {@code n} records spread evenly over the {@code span} before the server's now. */
  PagingServer withRecentRecords(int n, Duration span) {
    Instant now = serverNow();
    for (int i = 0; i < n; i++) {
      add(now.minus(span.multipliedBy(n - i).dividedBy(n)).truncatedTo(ChronoUnit.SECONDS));
    }
    return this;
  }

  /** {@code n} records in one second. */
  PagingServer withRecordsIn(Instant second, int n) {
    for (int i = 0; i < n; i++) {
      add(second);
    }
    return this;
  }

  /** The server's clock: the real one, shifted by {@link #dateOffset}. */
  Instant serverNow() {
    return dateOffset == null ? Instant.now() : Instant.now().plus(dateOffset);
  }

  synchronized Rec add(Instant when) {
    int n = nextId.incrementAndGet();
    boolean withId = omitIdEvery == 0 || n % omitIdEvery != 0;
    boolean withWhen = omitWhenEvery == 0 || n % omitWhenEvery != 0;
    Rec r = new Rec(String.format("rec-%06d", n), when, withId, withWhen);
    records.add(r);
    return r;
  }

  /** Each record's key as the client tells records apart: its id, else its JSON. */
  static String key(Rec r) {
    return r.withId() ? r.id() : "json:" + r.json();
  }

  /** The keys of every record held now. */
  List<String> keys() {
    return records.stream().map(PagingServer::key).toList();
  }

  /** What a correct iteration of everything before {@code before} yields, in order. */
  List<String> expectedIds(boolean asc, Instant before) {
    return sorted(asc).stream()
        .filter(r -> r.when.isBefore(before))
        .map(PagingServer::key)
        .toList();
  }

  private List<Rec> sorted(boolean asc) {
    Comparator<Rec> order = Comparator.comparing(Rec::when).thenComparing(Rec::id);
    List<Rec> copy = new ArrayList<>(records);
    copy.sort(asc ? order : order.reversed());
    return copy;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    HttpUrl url = request.getUrl();
    requests.add(url);
    contractViolations.addAll(SliceContract.requestViolations(request));
    int n = served.incrementAndGet();
    if (rateLimitedRequests.contains(n)) {
      return new MockResponse.Builder()
          .code(429)
          .addHeader("retry-after", "2")
          .addHeader("Content-Type", "application/json")
          .body(Fixtures.read("error-429.json"))
          .build();
    }
    int perPage =
        url.queryParameter("per_page") == null
            ? 100
            : Integer.parseInt(url.queryParameter("per_page"));
    int page =
        url.queryParameter("page") == null ? 1 : Integer.parseInt(url.queryParameter("page"));
    boolean asc = "asc".equals(url.queryParameter("direction")) && mode != Mode.IGNORES_DIRECTION;
    long delay = delayForPage.apply(page);
    if (delay > 0) {
      Thread.sleep(delay); // before answering, so that a later request can be answered first
    }
    boolean bounded = mode != Mode.IGNORES_BOUNDS;
    Instant before = bounded ? bound(url.queryParameter("before"), Instant.MAX) : Instant.MAX;
    Instant since = bounded ? bound(url.queryParameter("since"), Instant.MIN) : Instant.MIN;
    List<Rec> matching =
        sorted(asc).stream()
            .filter(r -> r.when.isBefore(before) && !r.when.isBefore(since))
            .toList();
    int totalPages = Math.max(1, (matching.size() + perPage - 1) / perPage);
    int effectivePage = mode == Mode.IGNORES_PAGE ? 1 : page;
    if (mode == Mode.REPEATS_LAST_PAGE && page > totalPages) {
      effectivePage = totalPages;
    }
    int from = Math.min(matching.size(), (effectivePage - 1) * perPage);
    int to = Math.min(matching.size(), from + perPage);
    List<Rec> slice = matching.subList(from, to);
    StringBuilder body = new StringBuilder("{\"success\":true,\"errors\":[],\"messages\":[]");
    boolean pastEnd = slice.isEmpty();
    if (pastEnd && mode == Mode.RESULT_NULL_PAST_END) {
      body.append(",\"result\":null");
    } else if (!(pastEnd && mode == Mode.NO_RESULT_PAST_END)) {
      body.append(",\"result\":[");
      for (int i = 0; i < slice.size(); i++) {
        Rec r = slice.get(i);
        boolean odd = servedAsNonRecord.test(Integer.parseInt(r.id().substring(4)));
        body.append(i == 0 ? "" : ",").append(odd ? "42" : r.json());
      }
      body.append(']');
    }
    if (resultInfo) {
      int claimed = totalPagesLie == null ? totalPages : totalPagesLie.apply(totalPages);
      body.append(",\"result_info\":{\"page\":")
          .append(page)
          .append(",\"per_page\":")
          .append(perPage)
          .append(",\"count\":")
          .append(slice.size())
          .append(",\"total_count\":")
          .append(matching.size() + (jitterTotal ? n : 0))
          .append(",\"total_pages\":")
          .append(claimed)
          .append('}');
    }
    body.append('}');
    int appends = appendPerRequest + appendAfterRequest.applyAsInt(n);
    for (int i = 0; i < appends; i++) {
      add(
          Instant.now()
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // stamped to the second
    }
    deleteOldest(deleteOldestPerRequest);
    MockResponse.Builder response =
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(body.toString());
    if (dateOffset != null) {
      response.addHeader(
          "Date",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(serverNow().atOffset(ZoneOffset.UTC)));
    }
    return response.build();
  }

  synchronized void deleteOldest(int count) {
    List<Rec> oldest = sorted(true);
    records.removeAll(oldest.subList(0, Math.min(count, oldest.size())));
  }

  private static Instant bound(String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    return text.length() == 10
        ? Instant.parse(text + "T00:00:00Z")
        : Rfc3339.parseDateTime(text).toInstant();
  }
}
