package dev.cfauditlogs.cli;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A {@link MockWebServer} on 127.0.0.1 answering every request from a function, for responses the
 * emulator does not model; {@link #fromCase} reads a shared case's {@code response.json} ({@code
 * {"status": …, "headers": {…}, "body": {…}}}) and serves its body bytes exactly as written.
 */
final class RecordedAnswer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();

  RecordedAnswer(Function<RecordedRequest, MockResponse> answer) {
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

  static MockResponse fromCase(String resource) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(ExtraColumnTest.resource(resource)));
      MockResponse.Builder response = new MockResponse.Builder();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "status" -> response.code(reader.nextInt());
          case "headers" -> {
            reader.beginObject();
            while (reader.hasNext()) {
              response.addHeader(reader.nextName(), reader.nextString());
            }
            reader.endObject();
          }
          case "body" -> {
            try (BufferedSource source = reader.nextSource()) {
              response.body(source.readUtf8());
            }
          }
          default -> reader.skipValue();
        }
      }
      return response.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .addHeader("cf-ray", "8f00000000000000-TEST")
        .body(body)
        .build();
  }

  String baseUrl() {
    return server.url("/client/v4").toString();
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
