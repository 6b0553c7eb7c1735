package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two records that share an {@code id} but not their content (seen from servers that misbehave) are
 * two records: neither the pager nor the follower drops the second, and a record read again (the
 * same bytes) is still yielded once.
 */
class SharedIdTest {
  private static final String FIRST =
      "{\"id\":\"shared-1\",\"action\":{\"type\":\"first\"},\"when\":\"2026-01-01T00:00:01Z\"}";
  private static final String SECOND =
      "{\"id\":\"shared-1\",\"action\":{\"type\":\"second\"},\"when\":\"2026-01-01T00:00:02Z\"}";
  private static final String OTHER = "{\"id\":\"other-2\",\"when\":\"2026-01-01T00:00:03Z\"}";

  /** Oldest first; FIRST is sent twice, byte for byte (a repeat, not a record). */
  private static final List<String> LOG = List.of(FIRST, FIRST, SECOND, OTHER);

  private final MockWebServer web = new MockWebServer();
  private AuditLogsClient client;

  @BeforeEach
  void start() throws IOException {
    web.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return page(request.getUrl());
          }
        });
    web.start(InetAddress.getByName("127.0.0.1"), 0);
    client =
        AuditLogsClient.builder()
            .baseUrl(web.url("/client/v4").toString())
            .apiToken(ContractServer.TOKEN)
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    web.close();
  }

  /** The log in the order asked, {@code since}, {@code before}, {@code per_page}, {@code page}. */
  private static MockResponse page(HttpUrl url) {
    Instant since = bound(url.queryParameter("since"), Instant.MIN);
    Instant before = bound(url.queryParameter("before"), Instant.MAX);
    List<String> ordered = new ArrayList<>();
    for (String record : LOG) {
      Instant when = Instant.parse(record.replaceAll(".*\"when\":\"([^\"]+)\".*", "$1"));
      if (!when.isBefore(since) && when.isBefore(before)) {
        ordered.add(record);
      }
    }
    if (!"asc".equals(url.queryParameter("direction"))) {
      Collections.reverse(ordered);
    }
    String perPageText = url.queryParameter("per_page");
    int perPage = perPageText == null ? 25 : Integer.parseInt(perPageText);
    String pageText = url.queryParameter("page");
    int page = pageText == null ? 1 : Integer.parseInt(pageText);
    List<String> slice =
        ordered.subList(
            Math.min(ordered.size(), (page - 1) * perPage),
            Math.min(ordered.size(), page * perPage));
    String body =
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":["
            + String.join(",", slice)
            + "],\"result_info\":{\"page\":"
            + page
            + ",\"per_page\":"
            + perPage
            + ",\"count\":"
            + slice.size()
            + ",\"total_count\":"
            + ordered.size()
            + ",\"total_pages\":"
            + Math.max(1, (ordered.size() + perPage - 1) / perPage)
            + "}}";
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static Instant bound(@Nullable String text, Instant otherwise) {
    return text == null ? otherwise : Instant.parse(text);
  }

  private static List<String> types(List<AuditLog> logs) {
    return logs.stream().map(log -> log.id().orElse("?") + "/" + log.json().length()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"asc", "desc"})
  void thePagerYieldsBothRecordsOfASharedIdAndARepeatOnce(String direction) {
    List<AuditLog> got = new ArrayList<>();
    AuditLogQuery query =
        AuditLogQuery.builder().direction(Direction.parse(direction)).perPage(2).build();
    client.paginate(query).forEach(got::add);

    List<String> expected =
        direction.equals("asc") ? List.of(FIRST, SECOND, OTHER) : List.of(OTHER, SECOND, FIRST);
    assertEquals(expected, got.stream().map(AuditLog::json).toList(), types(got).toString());
  }

  @Test
  void theFollowerDeliversBothOnceAndNeitherAgainFromItsCheckpoint() throws IOException {
    AuditLogQuery query = AuditLogQuery.builder().perPage(2).build();
    AuditLogFollower follower = AuditLogFollower.builder(client, query).build();
    List<String> delivered = new ArrayList<>();
    SyncDelivery collect = (records, checkpoint) -> records.forEach(r -> delivered.add(r.json()));

    SyncCheckpoint first = follower.poll(SyncCheckpoint.start(query), collect);
    assertEquals(List.of(FIRST, SECOND, OTHER), delivered);

    delivered.clear();
    SyncCheckpoint again = follower.poll(first, collect);
    assertEquals(List.of(), delivered, "the same run, the same records read again");
    follower.poll(SyncCheckpoint.parse(again.render()), collect);
    assertEquals(List.of(), delivered, "a checkpoint read back");
  }
}
