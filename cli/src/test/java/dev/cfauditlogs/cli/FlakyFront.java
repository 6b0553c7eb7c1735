package dev.cfauditlogs.cli;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A server on 127.0.0.1 in front of an emulator: it answers the scripted responses first (one a
 * request), then the standing answer, which by default forwards the request to the emulator, the
 * ground truth. So a test can make the API fail for a while, or for good, and then serve data.
 */
final class FlakyFront implements AutoCloseable {
  /** One request and the status it got (0: no HTTP answer). */
  record Exchange(Instant at, String target, int status) {}

  private final AuditLogEmulator emulator;
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final Queue<Function<RecordedRequest, MockResponse>> script =
      new ConcurrentLinkedQueue<>();
  private volatile Function<RecordedRequest, MockResponse> otherwise = this::forward;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  FlakyFront(AuditLogEmulator emulator) {
    this.emulator = emulator;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Function<RecordedRequest, MockResponse> answer = script.poll();
            MockResponse response = (answer != null ? answer : otherwise).apply(request);
            exchanges.add(new Exchange(Instant.now(), request.getTarget(), response.getCode()));
            return response;
          }
        });
    try {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return server.url("/client/v4").toString();
  }

  /** The next {@code n} requests get {@code answer}. */
  FlakyFront failNext(int n, Function<RecordedRequest, MockResponse> answer) {
    for (int i = 0; i < n; i++) {
      script.add(answer);
    }
    return this;
  }

  /** Every request after the scripted ones gets {@code answer}. */
  FlakyFront always(Function<RecordedRequest, MockResponse> answer) {
    otherwise = answer;
    return this;
  }

  /** From now on every request is served by the emulator. */
  FlakyFront heal() {
    script.clear();
    otherwise = this::forward;
    return this;
  }

  List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** The emulator's answer to the request. */
  MockResponse forward(RecordedRequest request) {
    return forward(request, Function.identity());
  }

  /** The emulator's answer to the request with its URL changed. */
  MockResponse forward(RecordedRequest request, Function<HttpUrl, HttpUrl> change) {
    HttpUrl target =
        HttpUrl.get(emulator.baseUrl())
            .newBuilder()
            .encodedPath(request.getUrl().encodedPath())
            .encodedQuery(request.getUrl().encodedQuery())
            .build();
    Request.Builder forwarded = new Request.Builder().url(change.apply(target));
    for (String name : List.of("Authorization", "X-Auth-Email", "X-Auth-Key")) {
      String value = request.getHeaders().get(name);
      if (value != null) {
        forwarded.header(name, value);
      }
    }
    try (Response response = http.newCall(forwarded.build()).execute()) {
      MockResponse.Builder answer =
          new MockResponse.Builder().code(response.code()).body(response.body().string());
      for (String name :
          List.of("Content-Type", "cf-ray", "retry-after", "Ratelimit", "Ratelimit-Policy")) {
        String value = response.header(name);
        if (value != null) {
          answer.setHeader(name, value);
        }
      }
      return answer.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON error response in Cloudflare's envelope. */
  static MockResponse error(int status, int code, String message) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"success\":false,\"errors\":[{\"code\":"
                + code
                + ",\"message\":\""
                + message
                + "\"}],\"messages\":[],\"result\":null}")
        .build();
  }

  /** A connection closed before any answer. */
  static MockResponse reset() {
    return new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
        .build();
  }

  @Override
  public void close() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
