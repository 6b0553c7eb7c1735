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
import dev.cfauditlogs.ConnectionException;
import dev.cfauditlogs.RateLimitedException;
import dev.cfauditlogs.UnexpectedResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile sizes: bodies far over the 64 MiB cap (announced or streamed without end), numbers with
 * millions of digits, and retry waits with absurd exponents end typed and in bounded time, in a
 * test JVM capped at 1 GiB of heap. The test streams what it sends; it never builds a huge string.
 */
class HugeInputTest {
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final byte[] RECORD =
      "{\"id\":\"0123456789abcdef0123456789abcdef\",\"when\":\"2025-12-01T10:00:00Z\"},"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEAD =
      "{\"success\":true,\"result\":[".getBytes(StandardCharsets.UTF_8);

  private final HostileServer server = new HostileServer();
  private final AuditLogsClient client = server.client().timeout(Duration.ofSeconds(30)).build();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** A page of {@code total} bytes made of records, written as it is sent. */
  private static MockResponseBody streamedPage(long total, boolean chunked) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return chunked ? -1 : total;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        long written = 0;
        Buffer chunk = new Buffer();
        chunk.write(HEAD);
        while (written < total) {
          while (chunk.size() < 64 * 1024) {
            chunk.write(RECORD);
          }
          long n = Math.min(chunk.size(), total - written);
          if (chunked) {
            sink.writeHexadecimalUnsignedLong(n).writeUtf8("\r\n");
          }
          sink.write(chunk, n);
          if (chunked) {
            sink.writeUtf8("\r\n");
          }
          written += n;
          chunk.clear();
        }
        if (chunked) {
          sink.writeUtf8("0\r\n\r\n");
        }
        sink.flush();
      }
    };
  }

  private AuditLogsException failure() {
    return assertTimeoutPreemptively(
        BOUND,
        () -> assertThrows(AuditLogsException.class, () -> client.list(AuditLogQuery.all())));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aBodyFarOverTheCapFailsTypedWithoutRunningOutOfMemory(boolean chunked) {
    long size = 200L * 1024 * 1024;
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(streamedPage(size, chunked));
    if (chunked) {
      response.removeHeader("Content-Length").setHeader("Transfer-Encoding", "chunked");
    }
    server.always(response.build());
    AuditLogsException e = failure();
    assertInstanceOf(UnexpectedResponseException.class, e, e.toString());
    assertTrue(e.getMessage().contains("cap"), e.getMessage());
  }

  @Test
  void aBodyThatClaimsATerabyteAndStopsIsAConnectionFailure() {
    server.always(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(streamedPage(1024 * 1024, false))
            .setHeader("Content-Length", 1L << 40)
            .onResponseEnd(new mockwebserver3.SocketEffect.CloseSocket(true, false, false))
            .build());
    assertInstanceOf(ConnectionException.class, failure());
  }

  @Test
  void aRecordOfFortyMebibytesUnderTheCapArrivesWhole() {
    int size = 40 * 1024 * 1024;
    server.always(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(
                new MockResponseBody() {
                  @Override
                  public long getContentLength() {
                    return -1;
                  }

                  @Override
                  public void writeTo(BufferedSink sink) throws IOException {
                    sink.writeUtf8("{\"success\":true,\"result\":[{\"id\":\"big\",\"newValue\":\"");
                    byte[] block = new byte[64 * 1024];
                    java.util.Arrays.fill(block, (byte) 'x');
                    for (int i = 0; i < size / block.length; i++) {
                      sink.write(block);
                    }
                    sink.writeUtf8("\"}]}");
                    sink.flush();
                  }
                })
            .removeHeader("Content-Length")
            .onResponseEnd(new mockwebserver3.SocketEffect.CloseSocket(true, false, false))
            .build());
    AuditLogPage page = assertTimeoutPreemptively(BOUND, () -> client.list(AuditLogQuery.all()));
    assertEquals(1, page.records().size());
    assertEquals(size, page.records().get(0).model().newValue().orElseThrow().length());
  }

  /** result_info's numbers are read as BigDecimal: a million digits must not take minutes. */
  @ParameterizedTest
  @ValueSource(strings = {"digits", "exponent", "negativeExponent"})
  void aNumberWithMillionsOfDigitsIsReadInBoundedTime(String shape) {
    String number =
        switch (shape) {
          case "digits" -> "9".repeat(2_000_000);
          case "exponent" -> "1e999999999";
          default -> "1e-999999999";
        };
    server.always(
        HostileServer.json(
            200,
            "{\"success\":true,\"result\":[],\"result_info\":{\"page\":"
                + number
                + ",\"per_page\":"
                + number
                + ",\"count\":0,\"total_count\":"
                + number
                + ",\"total_pages\":"
                + number
                + "}}"));
    Outcomes.typed(Duration.ofSeconds(5), () -> client.list(AuditLogQuery.all()));
  }

  /**
   * A 429 whose wait is written with an absurd exponent: {@code 1e-999999999} seconds is 12
   * characters, but rounding it naively to milliseconds computes ten to the billionth power.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "retry-after: 1e-999999999",
        "retry-after-ms: 1e-999999999",
        "retry-after-ms: 1e999999999",
        "body: 1e-999999999",
        "retry-after-ms: 0.",
      })
  void aRetryWaitWithAnAbsurdExponentIsReadInBoundedTime(String where) {
    String value = where.substring(where.indexOf(' ') + 1);
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(429)
            .setHeader("Content-Type", "application/json")
            .body(
                where.startsWith("body")
                    ? "{\"success\":false,\"errors\":[{\"code\":1015,\"message\":\"slow down\"}],"
                        + "\"retry_after\":"
                        + value
                        + "}"
                    : "{\"success\":false,\"errors\":[]}");
    if (!where.startsWith("body")) {
      response.setHeader(where.substring(0, where.indexOf(':')), value);
    }
    server.always(response.build());
    try (AuditLogsClient retrying =
        server.client().maxRetries(1).maxRetryWait(Duration.ofSeconds(2)).build()) {
      AuditLogsException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () ->
                  assertThrows(AuditLogsException.class, () -> retrying.list(AuditLogQuery.all())));
      assertInstanceOf(RateLimitedException.class, e, e.toString());
    }
  }
}
