package dev.cfauditlogs.testkit.junit5;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for asking an emulator directly, past the library's client. */
final class Http {
  private static final Type MAP = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  /**
   * GET the audit logs with the emulator's token and this raw query string; the body as a JSON
   * object.
   *
   * @throws UncheckedIOException when the emulator cannot be reached
   */
  static Map<String, Object> get(AuditLogEmulator emulator, String rawQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    emulator.baseUrl()
                        + "/user/audit_logs"
                        + (rawQuery.isEmpty() ? "" : "?" + rawQuery)))
            .header("Authorization", "Bearer " + emulator.apiToken())
            .timeout(Duration.ofSeconds(20))
            .build();
    try {
      String body = CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
      Map<String, Object> json =
          new Moshi.Builder().build().<Map<String, Object>>adapter(MAP).fromJson(body);
      if (json == null) {
        throw new IOException("the body is JSON null");
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
