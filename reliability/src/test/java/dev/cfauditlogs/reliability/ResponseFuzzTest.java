package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.SpecMismatch;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response decoding under fuzzing: mutated, truncated, wrong-typed, deeply nested and non-JSON
 * bodies, with any status, end in a page or a typed {@link dev.cfauditlogs.AuditLogsException},
 * never anything else and never a hang; records whose fields have any JSON type are always
 * delivered, byte-exact. Seeded random cases, see {@link Cases}; cases per property: {@code
 * -Dfuzz.tries}.
 */
class ResponseFuzzTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final AuditLogQuery QUERY = AuditLogQuery.builder().perPage(5).build();
  private static final int[] STATUSES = {
    200, 200, 200, 200, 201, 203, 204, 206, 299, 301, 302, 304, 307, 400, 401, 403, 404, 405, 408,
    409, 418, 429, 500, 502, 503, 504, 599
  };

  private static HostileServer server;
  private static AuditLogsClient client;

  @BeforeAll
  static void start() {
    server = new HostileServer();
    client = server.client().build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  static int status(Random r) {
    return STATUSES[r.nextInt(STATUSES.length)];
  }

  private static Optional<AuditLogPage> call(int status, String body, String contentType) {
    server.always(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", contentType)
            .setHeader("cf-ray", "0123456789abcdef-FUZ")
            .body(body)
            .build());
    Optional<AuditLogPage> page = Outcomes.typed(BOUND, () -> client.list(QUERY));
    page.ifPresent(p -> Outcomes.checkPage(p, body));
    return page;
  }

  record Body(int status, String body) {}

  @Test
  void shapedPagesWithHostileValues() {
    Cases.run(HostileJson::page, body -> call(200, body, "application/json"));
  }

  @Test
  void mutatedPagesWithAnyStatus() {
    Cases.run(
        r -> new Body(status(r), HostileJson.mutate(HostileJson.page(r), r)),
        c -> call(c.status(), c.body(), "application/json"));
  }

  @Test
  void anyJsonValueAsTheBody() {
    Cases.run(
        r -> new Body(status(r), HostileJson.value(r, 6)),
        c -> call(c.status(), c.body(), "application/json"));
  }

  @Test
  void nonJsonText() {
    Cases.run(
        r -> new Body(status(r), Cases.anyString(r, 255)),
        c -> call(c.status(), c.body(), "text/html"));
  }

  record Bytes(int status, byte[] body) {
    @Override
    public String toString() {
      return "Bytes[status=" + status + ", body=" + Arrays.toString(body) + "]";
    }
  }

  @Test
  void arbitraryBytes() {
    Cases.run(
        r -> new Bytes(status(r), Cases.bytes(r, 255)),
        c -> {
          server.always(
              new MockResponse.Builder()
                  .code(c.status())
                  .body(new Buffer().write(c.body()))
                  .build());
          Outcomes.typed(BOUND, () -> client.list(QUERY));
        });
  }

  /**
   * Records whose fields (nested ones included) have any JSON type, between elements that are not
   * records: the page is always delivered, every record exactly as sent, the others skipped, and
   * each record lists exactly the fields whose values the spec does not allow.
   */
  @Test
  void recordFieldsOfAnyJsonTypeAreAllDelivered() {
    Cases.run(
        TypedRecords::page,
        c -> {
          String body = c.body();
          server.always(
              new MockResponse.Builder()
                  .setHeader("Content-Type", "application/json")
                  .body(body)
                  .build());
          AuditLogPage page =
              Outcomes.typed(BOUND, () -> client.list(QUERY))
                  .orElseThrow(() -> new AssertionError("the page failed"));
          List<TypedRecords.Generated> expected = c.records();
          assertEquals(
              expected.stream().map(g -> Outcomes.asSent(g.json())).toList(),
              page.records().stream().map(AuditLog::json).toList());
          assertEquals(c.elements().size() - expected.size(), page.skippedCount());
          for (int i = 0; i < expected.size(); i++) {
            AuditLog log = page.records().get(i);
            assertEquals(
                expected.get(i).odd(),
                log.mismatches().stream().map(SpecMismatch::path).collect(Collectors.toSet()),
                "record " + i + ": " + log.mismatches());
            for (Map.Entry<String, String> field : expected.get(i).values().entrySet()) {
              assertEquals(
                  Optional.of(Outcomes.asSent(field.getValue())),
                  log.fieldJson(field.getKey()),
                  field.getKey());
            }
            log.model().toString(); // every typed accessor reads without failing
          }
        });
  }

  record Nesting(int depth, int place) {}

  @Test
  void deepNesting() {
    Cases.run(
        40,
        r -> new Nesting(Cases.between(r, 1, 200_000), Cases.between(r, 0, 3)),
        c ->
            call(
                c.place() == 2 ? 400 : 200,
                HostileJson.nested(c.depth(), c.place()),
                "application/json"));
  }
}
