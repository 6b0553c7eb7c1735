package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures a running {@link AuditLogFollower} waits out, and how long: the exceptions come
 * from the real client answering a real server, so the classification follows what the library
 * really throws.
 */
class FailurePolicyTest {
  private final MockWebServer server = new MockWebServer();
  private AuditLogsClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    client =
        AuditLogsClient.builder()
            .baseUrl(server.url("/client/v4").toString())
            .apiToken("FAKE-TOKEN-policy-0001")
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private RuntimeException failureFor(MockResponse response) {
    server.enqueue(response);
    return assertThrows(
        AuditLogsException.class, () -> client.list(AuditLogQuery.builder().build()));
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"refused\"}],"
                + "\"messages\":[],\"result\":null}")
        .build();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 520, 599})
  void passingStatusesAreWaitedOutWithABackoffCappedAtTheInterval(int code) {
    RuntimeException failure = failureFor(status(code));
    FailurePolicy policy = new FailurePolicy(Duration.ofSeconds(60), () -> 0.0);
    assertEquals(Optional.of(Duration.ofSeconds(1)), policy.waitAfter(failure, 1));
    assertEquals(Optional.of(Duration.ofSeconds(8)), policy.waitAfter(failure, 4));
    assertEquals(Optional.of(Duration.ofSeconds(60)), policy.waitAfter(failure, 7));
    assertEquals(Optional.of(Duration.ofSeconds(60)), policy.waitAfter(failure, 10_000));
    FailurePolicy jittered = new FailurePolicy(Duration.ofSeconds(60), () -> 0.999);
    Duration shortest = jittered.waitAfter(failure, 7).orElseThrow();
    assertTrue(shortest.compareTo(Duration.ofSeconds(45)) >= 0, shortest.toString());
    assertTrue(shortest.compareTo(Duration.ofSeconds(46)) < 0, shortest.toString());
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 400, 401, 403, 404, 405, 418, 422})
  void failuresThatRetryingCannotFixEndTheFollower(int code) {
    RuntimeException failure = failureFor(status(code));
    assertEquals(
        Optional.empty(),
        new FailurePolicy(Duration.ofSeconds(60), () -> 0.5).waitAfter(failure, 1));
  }

  @ParameterizedTest(name = "HTTP {0}, retry-after: {1}")
  @CsvSource({
    "429, 300, 300",
    "429, 1, 1",
    "429, 86400, 3600",
    "429, 99999999999, 3600",
    "503, 120, 120",
    "500, 86400, 3600",
    "520, 1, 1",
    "408, 300, 300",
    "409, 99999999999, 3600"
  })
  void aPassingFailureIsWaitedOutAsToldUpToAnHour(
      int code, String retryAfter, long expectedSeconds) {
    RuntimeException failure =
        failureFor(status(code).newBuilder().setHeader("retry-after", retryAfter).build());
    FailurePolicy policy = new FailurePolicy(Duration.ofSeconds(60), () -> 0.5);
    assertEquals(Optional.of(Duration.ofSeconds(expectedSeconds)), policy.waitAfter(failure, 3));
    FailurePolicy longInterval = new FailurePolicy(Duration.ofHours(2), () -> 0.5);
    assertEquals(
        Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(retryAfter), 7200))),
        longInterval.waitAfter(failure, 3),
        "an interval over an hour lifts the cap to the interval");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404})
  void aWaitAskedForWithAFailureRetryingCannotFixStillEndsTheFollower(int code) {
    RuntimeException failure =
        failureFor(status(code).newBuilder().setHeader("retry-after", "30").build());
    assertEquals(
        Optional.empty(),
        new FailurePolicy(Duration.ofSeconds(60), () -> 0.5).waitAfter(failure, 1));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"not json", "{\"result\": [", "<html>oops</html>"})
  void anUnreadableBodyIsWaitedOut(String body) {
    RuntimeException failure =
        failureFor(
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build());
    assertTrue(FailurePolicy.passing(failure), failure.toString());
  }
}
