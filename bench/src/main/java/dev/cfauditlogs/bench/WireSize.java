package dev.cfauditlogs.bench;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * What one page costs on the wire: asks for it twice with an explicit {@code Accept-Encoding} (so
 * OkHttp hands over the bytes as sent, without its transparent decompression), once {@code
 * identity} and once {@code gzip} (what OkHttp asks by default), and counts the body bytes of each.
 */
final class WireSize {
  /**
   * One page: its records, the body bytes uncompressed, and with gzip asked: the server's {@code
   * Content-Encoding} and the body bytes it sent.
   */
  record Page(int records, long plainBytes, String gzipEncoding, long gzipBytes) {}

  private WireSize() {}

  static Page fetch(String baseUrl, String apiToken, int perPage) throws IOException {
    OkHttpClient http = new OkHttpClient();
    try {
      byte[] plain = body(http, baseUrl, apiToken, perPage, "identity").bytes;
      Body gzip = body(http, baseUrl, apiToken, perPage, "gzip");
      return new Page(records(plain), plain.length, gzip.encoding, gzip.bytes.length);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private record Body(String encoding, byte[] bytes) {}

  private static Body body(
      OkHttpClient http, String baseUrl, String apiToken, int perPage, String acceptEncoding)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/user/audit_logs?per_page=" + perPage)
            .header("Authorization", "Bearer " + apiToken)
            .header("Accept-Encoding", acceptEncoding)
            .build();
    try (Response response = http.newCall(request).execute()) {
      return new Body(response.header("Content-Encoding", "(none)"), response.body().bytes());
    }
  }

  private static int records(byte[] body) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      int count = 0;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("result")) {
          reader.beginArray();
          while (reader.hasNext()) {
            reader.skipValue();
            count++;
          }
          reader.endArray();
        } else {
          reader.skipValue();
        }
      }
      return count;
    }
  }
}
