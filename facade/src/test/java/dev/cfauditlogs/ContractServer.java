package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link MockWebServer} on 127.0.0.1 plus an {@link OkHttpClient} that records every request the
 * facade puts on the wire; after each test every recorded request is checked against the slice, so
 * a request that violates the spec fails the test. Register with {@code @RegisterExtension}.
 */
final class ContractServer implements BeforeEachCallback, AfterEachCallback {
  static final String TOKEN = "FAKE-TOKEN-cf-audit-logs-do-not-leak-0001";
  static final String EMAIL = "fake.user.do-not-leak@example.com";
  static final String KEY = "FAKE-GLOBAL-KEY-do-not-leak-0002";

  private final List<Request> sent = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private OkHttpClient http;
  private boolean checkContract = true;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    sent.clear();
    checkContract = true;
    http =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  sent.add(chain.request());
                  return chain.proceed(chain.request());
                })
            .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (checkContract) {
        for (Request request : sent) {
          assertEquals(
              List.of(),
              SliceContract.requestViolations(request),
              "request violates the slice: " + request.url());
        }
      }
    } finally {
      server.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** For the test that proves the contract check can fail. */
  void skipContractCheck() {
    checkContract = false;
  }

  String baseUrl() {
    return server.url("/client/v4").toString();
  }

  /** The recording HTTP client; pass it to every facade client a test builds. */
  OkHttpClient http() {
    return http;
  }

  /** How many requests the facade sent through {@link #http()}. */
  int sentCount() {
    return sent.size();
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  void enqueueJson(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .addHeader("Content-Type", "application/json")
            .addHeader("cf-ray", "8f00000000000000-TEST")
            .body(body)
            .build());
  }

  /** The next request the server received. */
  RecordedRequest takeRequest() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException(e));
    }
  }

  int requestCount() {
    return server.getRequestCount();
  }

  /** A client for this server with the fake token, sending through the recording HTTP client. */
  AuditLogsClient.Builder client() {
    return AuditLogsClient.builder().baseUrl(baseUrl()).apiToken(TOKEN).okHttpClient(http);
  }
}
