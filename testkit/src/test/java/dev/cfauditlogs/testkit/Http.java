package dev.cfauditlogs.testkit;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A plain OkHttp client for driving the emulator over real HTTP, without retries of any kind. */
final class Http {
  private static final Type MAP = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private static final OkHttpClient CLIENT =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(Duration.ofSeconds(20))
          .build();

  private Http() {}

  /** What came back. */
  static final class Reply {
    final int status;
    final Headers headers;
    final String body;

    Reply(int status, Headers headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    Map<String, Object> json() {
      return parse(body);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> result() {
      return (List<Map<String, Object>>) json().get("result");
    }

    List<String> ids() {
      return result().stream().map(r -> (String) r.get("id")).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resultInfo() {
      return (Map<String, Object>) json().get("result_info");
    }

    @SuppressWarnings("unchecked")
    int errorCode() {
      List<Map<String, Object>> errors = (List<Map<String, Object>>) json().get("errors");
      return ((Number) errors.get(0).get("code")).intValue();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try {
      return (Map<String, Object>) MOSHI.adapter(MAP).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET the audit logs with the emulator's token and this raw (already encoded) query string. */
  static Reply get(AuditLogEmulator emulator, String rawQuery) {
    return get(
        emulator.baseUrl() + "/user/audit_logs" + (rawQuery.isEmpty() ? "" : "?" + rawQuery),
        Headers.of("Authorization", "Bearer " + emulator.apiToken()));
  }

  static Reply get(String url, Headers headers) {
    return call(new Request.Builder().url(url).headers(headers).build(), CLIENT);
  }

  static Reply call(Request request, OkHttpClient client) {
    try (Response response = client.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OkHttpClient client() {
    return CLIENT;
  }
}
