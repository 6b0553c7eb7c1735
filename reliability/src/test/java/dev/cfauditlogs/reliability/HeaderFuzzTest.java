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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The headers the client interprets ({@code Ratelimit}, {@code Ratelimit-Policy}, {@code
 * retry-after}, {@code retry-after-ms}, {@code cf-ray}) with any text: a 200 still succeeds with
 * sane parsed values, and a 429 ends with a {@link RateLimitedException} within the configured
 * waits.
 */
class HeaderFuzzTest {
  private static final String PAGE =
      "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"a\","
          + "\"when\":\"2025-12-01T10:00:00Z\"}],\"result_info\":{\"page\":1,\"per_page\":1,"
          + "\"count\":1,\"total_count\":1,\"total_pages\":1}}";

  private static HostileServer server;

  @BeforeContainer
  static void start() {
    server = new HostileServer();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Provide
  Arbitrary<String> headerValues() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.of(
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
                "٣"),
            Arbitraries.longs().map(String::valueOf));
    Arbitrary<String> param =
        Combinators.combine(
                Arbitraries.of("r", "t", "q", "w", "R", " r ", "x", "", "r=r"),
                Arbitraries.of("=", "= ", " =", "==", ""),
                number)
            .as((k, eq, v) -> k + eq + v);
    Arbitrary<String> structured =
        Combinators.combine(
                Arbitraries.of("\"default\"", "\"burst\"", "default", "", "\"", "\"a,b\""),
                param.list().ofMaxSize(5),
                Arbitraries.of(";", ",", "; ", ";;"))
            .as((name, params, sep) -> name + sep + String.join(sep, params));
    Arbitrary<String> date =
        Arbitraries.longs()
            .between(-10_000_000_000L, 10_000_000_000L)
            .map(
                s ->
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(s)));
    Arbitrary<String> text =
        Arbitraries.strings().withCharRange(' ', '~').withChars('\t', 'é', '中').ofMaxLength(1500);
    return Arbitraries.oneOf(number, structured, date, text);
  }

  private static MockResponse withHeaders(MockResponse.Builder b, String... nameValue) {
    for (int i = 0; i < nameValue.length; i += 2) {
      b.addHeaderLenient(nameValue[i], nameValue[i + 1]);
    }
    return b.build();
  }

  @Property
  void a200WithHostileHeadersSucceedsWithSaneValues(
      @ForAll("headerValues") String rateLimit,
      @ForAll("headerValues") String policy,
      @ForAll("headerValues") String retryAfter,
      @ForAll("headerValues") String retryAfterMs,
      @ForAll("headerValues") String cfRay) {
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

  @Property(tries = 100)
  void a429WithHostileHeadersEndsTypedWithinTheConfiguredWaits(
      @ForAll("headerValues") String retryAfter,
      @ForAll("headerValues") String retryAfterMs,
      @ForAll("headerValues") String body) {
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
    try (AuditLogsClient client =
        server.client().maxRetries(2).maxRetryWait(Duration.ofMillis(300)).build()) {
      AuditLogsException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> assertThrows(AuditLogsException.class, () -> client.list(AuditLogQuery.all())));
      assertInstanceOf(RateLimitedException.class, e);
      ((RateLimitedException) e).retryAfter().ifPresent(d -> assertTrue(!d.isNegative()));
      Outcomes.checkClean(e);
    }
  }
}
