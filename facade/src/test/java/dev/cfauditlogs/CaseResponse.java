package dev.cfauditlogs;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A recorded response of the form {@code {"status": 400, "headers": {…}, "body": {…}}} (the shape
 * of the shared cases), served with its body bytes exactly as written in the file.
 */
record CaseResponse(int status, Map<String, String> headers, String body) {
  static CaseResponse read(String fixture) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(Fixtures.read(fixture)));
      int status = 0;
      Map<String, String> headers = new LinkedHashMap<>();
      String body = "";
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "status" -> status = reader.nextInt();
          case "headers" -> {
            reader.beginObject();
            while (reader.hasNext()) {
              headers.put(reader.nextName(), reader.nextString());
            }
            reader.endObject();
          }
          case "body" -> {
            try (BufferedSource source = reader.nextSource()) {
              body = source.readUtf8();
            }
          }
          default -> reader.skipValue();
        }
      }
      return new CaseResponse(status, headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  MockResponse toMockResponse() {
    MockResponse.Builder builder = new MockResponse.Builder().code(status).body(body);
    headers.forEach(builder::addHeader);
    return builder.build();
  }
}
