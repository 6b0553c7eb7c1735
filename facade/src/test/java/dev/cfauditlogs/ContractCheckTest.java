package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request contract check is real: requests that break the slice are caught, valid ones pass.
 */
class ContractCheckTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  @Test
  void requestsThatBreakTheSliceAreReported() throws Exception {
    server.skipContractCheck();
    OkHttpClient raw = new OkHttpClient();
    List<String> bad =
        List.of(
            "user/audit_logs?per_page=5000",
            "user/audit_logs?page=0",
            "user/audit_logs?direction=sideways",
            "user/audit_logs?actor.email=not-an-email",
            "user/audit_logs?actor_email=a@example.com",
            "user/audit_logs?since=yesterday");
    for (String target : bad) {
      server.enqueueJson(200, Fixtures.read("seed-response.json"));
      raw.newCall(
              new Request.Builder()
                  .url(server.baseUrl() + "/" + target)
                  .header("Authorization", "Bearer " + ContractServer.TOKEN)
                  .build())
          .execute()
          .close();
      RecordedRequest recorded = server.takeRequest();
      assertTrue(!SliceContract.requestViolations(recorded).isEmpty(), "not caught: " + target);
    }
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    raw.newCall(new Request.Builder().url(server.baseUrl() + "/user/audit_logs").build())
        .execute()
        .close();
    assertTrue(
        !SliceContract.requestViolations(server.takeRequest()).isEmpty(),
        "a request without credentials is caught");
    raw.dispatcher().executorService().shutdown();
  }

  @Test
  void everyParameterTheFacadeSendsIsValid() {
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    try (AuditLogsClient client = server.client().build()) {
      client.list(
          AuditLogQuery.builder()
              .id("d5b0f326-1232-4452-8858-1089bd7168ef")
              .actionType("login")
              .actorIp("2001:db8::/32")
              .actorEmail("ana@example.com")
              .since("2026-01-01")
              .before("2026-01-31T10:00:00.5+01:00")
              .zoneName("example.com")
              .direction(Direction.ASC)
              .perPage(1000)
              .page(7)
              .hideUserLogs(true)
              .build());
    }
    assertEquals(List.of(), SliceContract.requestViolations(server.takeRequest()));
  }
}
