package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exception families, on real responses: what came from an HTTP response is an {@link
 * HttpResponseException} carrying its status and cf-ray; a failed connection, the client's own
 * timeout and an interrupt are not, and an interrupt keeps the thread's flag.
 */
class ErrorFamiliesTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  private AuditLogsException fail(AuditLogsClient.Builder builder) {
    try (AuditLogsClient client = builder.maxRetries(0).sleeper(d -> {}).build()) {
      return assertThrows(AuditLogsException.class, () -> client.list(AuditLogQuery.all()));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "429, error-429.json, dev.cfauditlogs.RateLimitedException",
    "500, error-500.json, dev.cfauditlogs.ServerException",
    "403, error-403.json, dev.cfauditlogs.PermissionDeniedException",
    "408, error-500.json, dev.cfauditlogs.UnexpectedStatusException"
  })
  void aFailedResponseIsAnHttpResponseFailureWithStatusAndRay(
      int status, String fixture, String type) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .addHeader("Content-Type", "application/json")
            .addHeader("cf-ray", "8f0000000000" + status + "-AMS")
            .body(Fixtures.read(fixture))
            .build());
    AuditLogsException e = fail(server.client());
    HttpResponseException response = assertInstanceOf(HttpResponseException.class, e);
    assertEquals(type, e.getClass().getName());
    assertEquals(status, response.statusCode());
    assertEquals(Optional.of("8f0000000000" + status + "-AMS"), response.cfRay());
    assertFalse(response.errors().isEmpty());
  }

  @Test
  void aBodyThatIsNotAPageIsAnHttpResponseFailureToo() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("cf-ray", "8f00000000000200-AMS")
            .body("<html>maintenance</html>")
            .build());
    HttpResponseException e =
        assertInstanceOf(UnexpectedResponseException.class, fail(server.client()));
    assertEquals(200, e.statusCode());
    assertEquals(Optional.of("8f00000000000200-AMS"), e.cfRay());
  }

  @Test
  void aDroppedConnectionIsNotAnHttpResponseFailure() {
    server.enqueue(
        new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    AuditLogsException e = fail(server.client());
    assertInstanceOf(ConnectionException.class, e);
    assertFalse(e instanceof HttpResponseException, e.toString());
  }

  @Test
  void aResetConnectionIsNotAnHttpResponseFailure() throws Exception {
    server.skipContractCheck(); // the request goes to the resetting socket below, not the server
    try (ServerSocket resetter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread accepting =
          new Thread(
              () -> {
                try (Socket s = resetter.accept()) {
                  InputStream in = s.getInputStream();
                  in.read(new byte[1024]); // the request has begun to arrive
                  s.setSoLinger(true, 0); // close with a TCP RST: "Connection reset"
                } catch (IOException ignored) {
                  // the test fails on the client's side if the reset did not happen
                }
              });
      accepting.start();
      AuditLogsException e =
          fail(
              AuditLogsClient.builder()
                  .baseUrl("http://127.0.0.1:" + resetter.getLocalPort() + "/client/v4")
                  .apiToken(ContractServer.TOKEN));
      accepting.join();
      assertInstanceOf(ConnectionException.class, e);
      assertFalse(e instanceof HttpResponseException, e.toString());
    }
  }

  @Test
  void theClientsOwnTimeoutIsNotAnHttpResponseFailureNorA408() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    AuditLogsException e = fail(server.client().timeout(Duration.ofMillis(200)));
    AttemptTimeoutException timeout = assertInstanceOf(AttemptTimeoutException.class, e);
    assertFalse(e instanceof HttpResponseException, e.toString());
    assertEquals(1, timeout.attempts());
  }

  @Test
  void anInterruptedCallIsTheInterruptionTypeAndKeepsTheFlag() {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    try (AuditLogsClient client = server.client().build()) {
      Thread.currentThread().interrupt();
      try {
        assertThrows(RequestInterruptedException.class, () -> client.list(AuditLogQuery.all()));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Test
  void anInterruptDuringTheWaitBeforeARetryIsTheInterruptionTypeAndKeepsTheFlag() {
    server.enqueueJson(500, Fixtures.read("error-500.json"));
    try (AuditLogsClient client =
        server
            .client()
            .maxRetries(2)
            .sleeper(
                d -> {
                  throw new InterruptedException(); // as Thread.sleep does when interrupted
                })
            .build()) {
      try {
        assertThrows(RequestInterruptedException.class, () -> client.list(AuditLogQuery.all()));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
      } finally {
        Thread.interrupted();
      }
    }
    assertEquals(1, server.requestCount(), "no retry after the interrupt");
  }

  @Test
  void anInterruptWhileAwaitingAPrefetchedPageIsTheInterruptionTypeAndKeepsTheFlag() {
    server.skipContractCheck();
    for (int i = 0; i < 2; i++) {
      server.enqueueJson(200, Fixtures.read("seed-response.json"));
    }
    try (AuditLogsClient client = server.client().build();
        AuditLogCursor cursor =
            client
                .paginate(AuditLogQuery.builder().page(1).perPage(5).build())
                .withConcurrency(2)
                .iterator()) {
      Thread.currentThread().interrupt();
      try {
        assertThrows(RequestInterruptedException.class, cursor::hasNext);
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
      } finally {
        Thread.interrupted();
      }
    }
  }
}
