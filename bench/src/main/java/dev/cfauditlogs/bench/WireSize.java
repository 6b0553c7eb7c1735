package dev.cfauditlogs.bench;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * What one page costs on the wire: asks for it with an explicit {@code Accept-Encoding: gzip} (so
 * OkHttp hands over the bytes as sent, without its transparent decompression) and compares the body
 * with what gzip makes of it.
 */
final class WireSize {
  /** One page: the server's {@code Content-Encoding}, body bytes as sent, records, gzip size. */
  record Page(String contentEncoding, long bodyBytes, int records, long gzipBytes) {}

  private WireSize() {}

  static Page fetch(String baseUrl, String apiToken, int perPage) throws IOException {
    OkHttpClient http = new OkHttpClient();
    try {
      Request request =
          new Request.Builder()
              .url(baseUrl + "/user/audit_logs?per_page=" + perPage)
              .header("Authorization", "Bearer " + apiToken)
              .header("Accept-Encoding", "gzip")
              .build();
      try (Response response = http.newCall(request).execute()) {
        byte[] body = response.body().bytes();
        String encoding = response.header("Content-Encoding", "(none)");
        int records = encoding.equals("(none)") ? records(body) : -1;
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
          out.write(body);
        }
        return new Page(encoding, body.length, records, gz.size());
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
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
