package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.RateLimitStatus;
import dev.cfauditlogs.RateLimitedException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The headers the client interprets ({@code Ratelimit}, {@code Ratelimit-Policy}, {@code
 * retry-after}, {@code retry-after-ms}, {@code cf-ray}) with any text: a 200 still succeeds with
 * sane parsed values, and a 429 ends with a {@link RateLimitedException} within the configured
 * waits. Seeded random cases, see {@link Cases}.
 */
class HeaderFuzzTest {
  private static final String PAGE =
      "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"a\","
          + "\"when\":\"2025-12-01T10:00:00Z\"}],\"result_info\":{\"page\":1,\"per_page\":1,"
          + "\"count\":1,\"total_count\":1,\"total_pages\":1}}";
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "-1",
    "1",
    "60",
    "999999999",
    "1000000000",
    "2147483648",
    "1e3",
    "1.5",
    "1e-999999999",
    "1e999999999",
    "NaN",
    "Infinity",
    "0x10",
    "",
    " ",
    "9".repeat(70),
    "0.0000001",
    "+5",
    "\u0663"
  };
  private static final String TEXT = Cases.alphabet(' ', '~', "\t\u00e9\u4e2d");

  private static HostileServer server;

  @BeforeAll
  static void start() {
    server = new HostileServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One of the odd numbers above, or any long. */
  static String number(Random r) {
    return r.nextBoolean()
        ? Cases.oneOf(r, NUMBERS)
        : String.valueOf(Cases.between(r, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** A structured-field fragment: a name and up to five parameters, oddly separated. */
  static String structured(Random r) {
    String name = Cases.oneOf(r, "\"default\"", "\"burst\"", "default", "", "\"", "\"a,b\"");
    String separator = Cases.oneOf(r, ";", ",", "; ", ";;");
    List<String> params = new ArrayList<>();
    int n = Cases.between(r, 0, 5);
    for (int i = 0; i < n; i++) {
      params.add(
          Cases.oneOf(r, "r", "t", "q", "w", "R", " r ", "x", "", "r=r")
              + Cases.oneOf(r, "=", "= ", " =", "==", "")
              + number(r));
    }
    return name + separator + String.join(separator, params);
  }

  /**
   * Any header value: a number, a structured-field fragment, an HTTP-date up to about 317 years
   * from now either way, or any text of up to 1,500 characters.
   */
  static String headerValue(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> number(r);
      case 1 -> structured(r);
      case 2 ->
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              ZonedDateTime.now(ZoneOffset.UTC)
                  .plusSeconds(Cases.between(r, -10_000_000_000L, 10_000_000_000L)));
      default -> Cases.string(r, 1500, TEXT);
    };
  }

  private static MockResponse withHeaders(MockResponse.Builder b, String... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) {
      b.addHeaderLenient(nameValue[i], nameValue[i + 1]);
    }
    return b.build();
  }

  record Headers200(
      String rateLimit, String policy, String retryAfter, String retryAfterMs, String cfRay) {}

  @Test
  void a200WithHostileHeadersSucceedsWithSaneValues() {
    Cases.run(
        r ->
            new Headers200(
                headerValue(r), headerValue(r), headerValue(r), headerValue(r), headerValue(r)),
        h -> check200(h.rateLimit(), h.policy(), h.retryAfter(), h.retryAfterMs(), h.cfRay()));
  }

  private static void check200(
      String rateLimit, String policy, String retryAfter, String retryAfterMs, String cfRay) {
    server.always(
        withHeaders(
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(PAGE),
            "Ratelimit",
            rateLimit,
            "Ratelimit-Policy",
            policy,
            "retry-after",
            retryAfter,
            "retry-after-ms",
            retryAfterMs,
            "cf-ray",
            cfRay));
    // A fresh client with the default pacing, which reads these headers.
    try (AuditLogsClient client = server.client().rateLimit(1200, Duration.ofMinutes(5)).build()) {
      AuditLogPage page =
          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> client.list(AuditLogQuery.all()));
      assertEquals(1, page.records().size());
      RateLimitStatus status = page.response().rateLimit();
      status.remaining().ifPresent(r -> assertTrue(r >= 0));
      status.quota().ifPresent(q -> assertTrue(q >= 0));
      status.reset().ifPresent(t -> assertTrue(!t.isNegative()));
      status.window().ifPresent(w -> assertTrue(!w.isNegative()));
      assertTrue(page.toString().length() < 10_000, "bounded toString()");
    }
  }

  record Headers429(String retryAfter, String retryAfterMs, String body) {}

  @Test
  void a429WithHostileHeadersEndsTypedWithinTheConfiguredWaits() {
    Cases.run(
        100,
        r -> new Headers429(headerValue(r), headerValue(r), headerValue(r)),
        h -> check429(h.retryAfter(), h.retryAfterMs(), h.body()));
  }

  private static void check429(String retryAfter, String retryAfterMs, String body) {
    server.always(
        withHeaders(
            new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "application/json")
                .body(
                    "{\"success\":false,\"errors\":[{\"code\":1015,\"message\":\"slow\"}],"
                        + "\"retry_after\":"
                        + HostileJson.quote(body)
                        + "}"),
            "retry-after",
            retryAfter,
            "retry-after-ms",
            retryAfterMs));
    // Waits are recorded, not slept: each is checked against maxRetryWait, whatever the load.
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (AuditLogsClient client =
        server
            .client()
            .maxRetries(2)
            .maxRetryWait(Duration.ofMillis(300))
            .sleeper(waits::add)
            .build()) {
      AuditLogsException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60), // against a hang only
              () -> assertThrows(AuditLogsException.class, () -> client.list(AuditLogQuery.all())));
      assertInstanceOf(RateLimitedException.class, e);
      assertTrue(waits.size() <= 2, "one wait a retry at most: " + waits);
      assertTrue(
          waits.stream().allMatch(w -> !w.isNegative() && w.compareTo(Duration.ofMillis(300)) <= 0),
          "within maxRetryWait: " + waits);
      ((RateLimitedException) e).retryAfter().ifPresent(d -> assertTrue(!d.isNegative()));
      Outcomes.checkClean(e);
    }
  }
}
