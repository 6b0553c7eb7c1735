package dev.cfauditlogs.reliability;

import dev.cfauditlogs.AuditLogsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A server on 127.0.0.1 that answers every request with whatever the test says, for fuzzing the
 * client with bodies and headers no real server should send.
 */
final class HostileServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private volatile Function<RecordedRequest, MockResponse> answer =
      r -> new MockResponse.Builder().code(404).build();

  HostileServer() {
    server.setServerSocketFactory(new NoDelay());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer.apply(request);
          }
        });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers every request from now on with {@code response}. */
  void always(MockResponse response) {
    Objects.requireNonNull(response);
    answer = r -> response;
  }

  void answer(Function<RecordedRequest, MockResponse> answer) {
    this.answer = Objects.requireNonNull(answer);
  }

  String baseUrl() {
    return server.url("/client/v4").toString();
  }

  int requestCount() {
    return server.getRequestCount();
  }

  /**
   * A client for this server with the fake token: no retries, no client-side pacing, a short
   * timeout; tests change what they need.
   */
  AuditLogsClient.Builder client() {
    return AuditLogsClient.builder()
        .baseUrl(baseUrl())
        .apiToken(Secrets.TOKEN)
        .timeout(Duration.ofSeconds(3))
        .maxRetries(0)
        .rateLimit(0, Duration.ofSeconds(1));
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    server.close();
  }

  /** Sets TCP_NODELAY on accepted sockets: an exchange then takes a millisecond, not 40. */
  private static final class NoDelay extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException();
    }
  }
}
