package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cfauditlogs.generated.api.AuditLogsApi;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Retrofit;

/** The generated Retrofit interface puts the spec's literal (dotted) names on the wire. */
class GeneratedApiRequestTest {
  private final MockWebServer server = new MockWebServer();
  private AuditLogsApi api;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    api =
        new Retrofit.Builder()
            .baseUrl(server.url("/client/v4/"))
            .addConverterFactory(new RequestOnlyConverters())
            .build()
            .create(AuditLogsApi.class);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsEveryParameterUnderItsSpecName() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.read("seed-response.json")).build());

    Call<AaaAuditLogsResponseCollection> call =
        api.auditLogsGetUserAuditLogs(
            "d5b0f326",
            true,
            "change_setting",
            "198.41.129.0/24",
            "michelle@example.com",
            "2026-01-01",
            "2026-01-31T10:00:00Z",
            "example.com",
            "asc",
            new BigDecimal(1000),
            new BigDecimal(3),
            true);
    // The client decodes bodies itself (PageDecoder): Retrofit only builds the request.
    assertThrows(UnsupportedOperationException.class, call::execute);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    HttpUrl url = request.getUrl();
    assertEquals("/client/v4/user/audit_logs", url.encodedPath());
    assertEquals("d5b0f326", url.queryParameter("id"));
    assertEquals("true", url.queryParameter("export"));
    assertEquals("change_setting", url.queryParameter("action.type"));
    assertEquals("198.41.129.0/24", url.queryParameter("actor.ip"));
    assertEquals("michelle@example.com", url.queryParameter("actor.email"));
    assertEquals("2026-01-01", url.queryParameter("since"));
    assertEquals("2026-01-31T10:00:00Z", url.queryParameter("before"));
    assertEquals("example.com", url.queryParameter("zone.name"));
    assertEquals("asc", url.queryParameter("direction"));
    assertEquals("1000", url.queryParameter("per_page"));
    assertEquals("3", url.queryParameter("page"));
    assertEquals("true", url.queryParameter("hide_user_logs"));
    assertEquals(12, url.querySize());
  }

  @Test
  void leavesOutParametersThatAreNotSet() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.read("seed-response.json")).build());

    Request request =
        api.auditLogsGetUserAuditLogs(
                null, null, "login", null, null, null, null, null, null, null, null, null)
            .request();
    new OkHttpClient().newCall(request).execute().close();

    HttpUrl url = server.takeRequest().getUrl();
    assertEquals("/client/v4/user/audit_logs", url.encodedPath());
    assertEquals("action.type=login", url.encodedQuery());
    assertNull(url.queryParameter("page"));
  }
}
