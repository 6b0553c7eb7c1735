package dev.cfauditlogs.reliability;

import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okio.Buffer;

/**
 * Response decoding under fuzzing: mutated, truncated, wrong-typed, deeply nested and non-JSON
 * bodies, with any status, end in a page or a typed {@link dev.cfauditlogs.AuditLogsException},
 * never anything else and never a hang. Tries per property: {@code -Djqwik.tries.default}.
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

  @BeforeContainer
  static void start() {
    server = new HostileServer();
    client = server.client().build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  @Provide
  Arbitrary<String> pages() {
    return Arbitraries.randomValue(HostileJson::page);
  }

  @Provide
  Arbitrary<String> mutatedPages() {
    return Arbitraries.randomValue(r -> HostileJson.mutate(HostileJson.page(r), r));
  }

  @Provide
  Arbitrary<String> anyJson() {
    return Arbitraries.randomValue(r -> HostileJson.value(r, 6));
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.integers().between(0, STATUSES.length - 1).map(i -> STATUSES[i]);
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

  @Property
  void shapedPagesWithHostileValues(@ForAll("pages") String body) {
    call(200, body, "application/json");
  }

  @Property
  void mutatedPagesWithAnyStatus(
      @ForAll("mutatedPages") String body, @ForAll("statuses") int status) {
    call(status, body, "application/json");
  }

  @Property
  void anyJsonValueAsTheBody(@ForAll("anyJson") String body, @ForAll("statuses") int status) {
    call(status, body, "application/json");
  }

  @Property
  void nonJsonText(@ForAll String body, @ForAll("statuses") int status) {
    call(status, body, "text/html");
  }

  @Property
  void arbitraryBytes(@ForAll byte[] body, @ForAll("statuses") int status) {
    server.always(new MockResponse.Builder().code(status).body(new Buffer().write(body)).build());
    Outcomes.typed(BOUND, () -> client.list(QUERY));
  }

  @Property(tries = 40)
  void deepNesting(
      @ForAll @IntRange(min = 1, max = 200_000) int depth, @ForAll @IntRange(max = 3) int place) {
    call(place == 2 ? 400 : 200, HostileJson.nested(depth, place), "application/json");
  }
}
