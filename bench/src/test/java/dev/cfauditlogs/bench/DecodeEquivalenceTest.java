package dev.cfauditlogs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonAdapter;
import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * What the decode benchmark compares is the same work: the facade's models equal the baseline's,
 * and its {@code json()} is each record's text exactly as sent, however the page is laid out.
 */
class DecodeEquivalenceTest {
  private static final List<EmulatedLog> LOGS = Dataset.synthetic(42, 300).logs();

  @Test
  void compactPage() throws IOException {
    assertSameRecords(page("", ""));
  }

  @Test
  void pageWithWhitespaceEverywhere() throws IOException {
    assertSameRecords(page("\n  ", " \r\n\t"));
  }

  private static void assertSameRecords(byte[] body) throws IOException {
    JsonAdapter<AaaAuditLogsResponseCollection> baseline = BaselineJson.responseAdapter();
    List<AaaAuditLogs> expected =
        Objects.requireNonNull(
            Objects.requireNonNull(baseline.fromJson(new Buffer().write(body))).getResult());
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new CannedResponse(body)).build();
    try (AuditLogsClient client =
        AuditLogsClient.builder()
            .baseUrl("http://127.0.0.1:9/client/v4")
            .apiToken("test-token")
            .okHttpClient(http)
            .rateLimit(0, Duration.ofSeconds(1))
            .build()) {
      List<AuditLog> records =
          client.list(AuditLogQuery.builder().perPage(LOGS.size()).build()).records();
      assertEquals(LOGS.size(), records.size());
      for (int i = 0; i < LOGS.size(); i++) {
        assertEquals(expected.get(i), records.get(i).model(), "model of record " + i);
        assertEquals(LOGS.get(i).json(), records.get(i).json(), "text of record " + i);
      }
    }
  }

  /** The records with {@code before} before each one and {@code after} after it. */
  private static byte[] page(String before, String after) {
    StringBuilder s = new StringBuilder("{" + before + "\"result\"" + after + ":" + before + "[");
    for (int i = 0; i < LOGS.size(); i++) {
      s.append(i == 0 ? "" : ",").append(before).append(LOGS.get(i).json()).append(after);
    }
    s.append("]").append(after).append(",\"success\":true,\"errors\":[],\"messages\":[]}");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
