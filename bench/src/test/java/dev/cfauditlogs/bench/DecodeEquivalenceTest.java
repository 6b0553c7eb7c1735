package dev.cfauditlogs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.generated.invoker.SpecReader;
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
 * What the decode benchmark compares is the same work: the facade's models equal the control's (the
 * generated readers on the whole page) and carry the baseline's values, and its {@code json()} is
 * each record's text exactly as sent, however the page is laid out.
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
    List<BaselineJson.Log> baseline =
        Objects.requireNonNull(
            Objects.requireNonNull(
                    BaselineJson.responseAdapter().fromJson(new Buffer().write(body)))
                .result);
    List<BaselineJson.RecordLog> sameFields = recordBaseline(body, false);
    List<BaselineJson.RecordLog> peekFirst = recordBaseline(body, true);
    List<AaaAuditLogs> control =
        Objects.requireNonNull(AaaAuditLogsResponseCollection.read(SpecReader.of(body)))
            .result()
            .orElseThrow();
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
      assertEquals(LOGS.size(), baseline.size());
      for (int i = 0; i < LOGS.size(); i++) {
        AuditLog log = records.get(i);
        AaaAuditLogs model = log.model();
        assertEquals(control.get(i), model, "model of record " + i);
        assertEquals(List.of(), log.mismatches(), "synthetic records conform: " + i);
        assertEquals(LOGS.get(i).json(), log.json(), "text of record " + i);
        for (BaselineJson.RecordLog same : List.of(sameFields.get(i), peekFirst.get(i))) {
          assertEquals(log.json(), same.json, "the baseline's text of record " + i);
          assertEquals(log.id().orElseThrow(), same.id, "the baseline's id of record " + i);
          assertEquals(log.when().orElseThrow(), same.when.toInstant(), "its when: " + i);
        }
        BaselineJson.Log plain = baseline.get(i);
        assertEquals(plain.id, model.id().orElseThrow(), "id of record " + i);
        assertEquals(plain.id, log.id().orElseThrow());
        assertEquals(plain.when, model.when().orElseThrow(), "when of record " + i);
        assertEquals(plain.when.toInstant(), log.when().orElseThrow());
        assertEquals(plain.newValue, model.newValue().orElse(null), "newValue of record " + i);
        assertEquals(
            plain.action.type, model.action().orElseThrow().type().orElse(null), "action " + i);
        assertEquals(
            plain.actor.type,
            model.actor().orElseThrow().type().map(t -> t.getValue()).orElse(null),
            "actor.type of record " + i);
        assertEquals(
            plain.actor.email,
            model.actor().orElseThrow().email().orElse(null),
            "actor.email of record " + i);
      }
    }
  }

  private static List<BaselineJson.RecordLog> recordBaseline(byte[] body, boolean peekFirst)
      throws IOException {
    BaselineJson.RecordPage page =
        BaselineJson.recordAdapter(peekFirst).fromJson(new Buffer().write(body));
    List<BaselineJson.RecordLog> records = Objects.requireNonNull(page).result;
    assertEquals(LOGS.size(), Objects.requireNonNull(records).size());
    return records;
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
