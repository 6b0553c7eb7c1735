package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import dev.cfauditlogs.generated.model.AaaApiResponseCommonFailure;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import dev.cfauditlogs.generated.model.AaaAuditLogsActor;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import dev.cfauditlogs.generated.model.AaaMessagesInner;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated models, read through {@link ModelJson}, decode what Cloudflare sends. */
class GeneratedModelDecodingTest {
  private final JsonAdapter<AaaAuditLogsResponseCollection> collection =
      ModelJson.moshi().adapter(AaaAuditLogsResponseCollection.class);

  @Test
  void seedExampleDecodesWithEveryFieldRight() throws IOException {
    AaaAuditLogsResponseCollection page = collection.fromJson(Fixtures.read("seed-response.json"));

    assertEquals(true, page.getSuccess());
    assertNull(page.getResultInfo());
    AaaMessagesInner error = page.getErrors().iterator().next();
    assertEquals(1000, error.getCode());
    assertEquals("message", error.getMessage());
    assertEquals("documentation_url", error.getDocumentationUrl());
    assertEquals("pointer", error.getSource().getPointer());
    assertEquals("pointer", page.getMessages().iterator().next().getSource().getPointer());

    assertEquals(1, page.getResult().size());
    AaaAuditLogs log = page.getResult().get(0);
    assertEquals("d5b0f326-1232-4452-8858-1089bd7168ef", log.getId());
    assertEquals(true, log.getAction().getResult());
    assertEquals("change_setting", log.getAction().getType());
    assertEquals("f6b5de0326bb5182b8a4840ee01ec774", log.getActor().getId());
    assertEquals("michelle@example.com", log.getActor().getEmail());
    assertEquals("198.41.129.166", log.getActor().getIp());
    assertEquals(AaaAuditLogsActor.TypeEnum.USER, log.getActor().getType());
    assertEquals("API", log.getInterface());
    assertEquals(
        Map.of(
            "name", "security_level",
            "type", "firewall",
            "value", "high",
            "zone_name", "example.com"),
        log.getMetadata());
    assertEquals("low", log.getNewValue());
    assertEquals("high", log.getOldValue());
    assertEquals("023e105f4ecef8ad9ca31a8372d0c353", log.getOwner().getId());
    assertEquals("023e105f4ecef8ad9ca31a8372d0c353", log.getResource().getId());
    assertEquals("zone", log.getResource().getType());
    assertEquals(OffsetDateTime.of(2017, 4, 26, 17, 31, 7, 0, ZoneOffset.UTC), log.getWhen());
  }

  @Test
  void unknownEnumValuesUnknownFieldsNullsAndMissingResultInfoDoNotBreakDecoding()
      throws IOException {
    String json =
        """
        {"success": true, "errors": [], "messages": null, "surprise": {"nested": [1, 2]},
         "result": [
           {"id": "a", "actor": {"type": "robot", "ip": null, "mood": "curious"},
            "when": "2026-01-31t10:00:00.123456789z", "metadata": null, "newValue": null,
            "brand_new_field": 42},
           {"id": "b", "actor": {"type": "Cloudflare"}, "when": "2026-01-31T11:00:00+01:00"},
           {"id": "c", "actor": {"type": "admin"}, "action": null, "when": null}
         ]}
        """;

    AaaAuditLogsResponseCollection page = collection.fromJson(json);

    assertNull(page.getResultInfo());
    assertNull(page.getMessages());
    List<AaaAuditLogs> logs = page.getResult();
    assertEquals(3, logs.size());
    assertEquals(
        AaaAuditLogsActor.TypeEnum.UNKNOWN_DEFAULT_OPEN_API, logs.get(0).getActor().getType());
    assertNull(logs.get(0).getActor().getIp());
    assertNull(logs.get(0).getMetadata());
    assertEquals(
        OffsetDateTime.of(2026, 1, 31, 10, 0, 0, 123_456_789, ZoneOffset.UTC),
        logs.get(0).getWhen());
    assertEquals(AaaAuditLogsActor.TypeEnum.CLOUDFLARE, logs.get(1).getActor().getType());
    assertEquals(
        OffsetDateTime.of(2026, 1, 31, 11, 0, 0, 0, ZoneOffset.ofHours(1)), logs.get(1).getWhen());
    assertEquals(AaaAuditLogsActor.TypeEnum.ADMIN, logs.get(2).getActor().getType());
    assertNull(logs.get(2).getAction());
    assertNull(logs.get(2).getWhen());
  }

  @Test
  void resultInfoDecodesWhenSent() throws IOException {
    AaaAuditLogsResponseCollection page =
        collection.fromJson(
            """
            {"success": true, "errors": [], "messages": [], "result": [],
             "result_info": {"page": 2, "per_page": 1000, "count": 0, "total_count": 1000, "total_pages": 1}}
            """);

    assertEquals(new BigDecimal("2"), page.getResultInfo().getPage());
    assertEquals(new BigDecimal("1000"), page.getResultInfo().getPerPage());
    assertEquals(new BigDecimal("0"), page.getResultInfo().getCount());
    assertEquals(new BigDecimal("1000"), page.getResultInfo().getTotalCount());
    assertEquals(new BigDecimal("1"), page.getResultInfo().getTotalPages());
    assertTrue(page.getResult().isEmpty());
  }

  @Test
  void failureEnvelopeDecodesWithSourcePointerAndErrorChain() throws IOException {
    AaaApiResponseCommonFailure failure =
        ModelJson.moshi()
            .adapter(AaaApiResponseCommonFailure.class)
            .fromJson(
                """
                {"success": false, "result": null, "messages": [],
                 "errors": [{"code": 10000, "message": "Authentication error",
                   "documentation_url": "https://developers.cloudflare.com/api/",
                   "source": {"pointer": "/per_page"},
                   "error_chain": [{"code": 6103, "message": "Invalid format for X-Auth-Key header"}]}]}
                """);

    assertEquals(false, failure.getSuccess());
    AaaMessagesInner error = failure.getErrors().iterator().next();
    assertEquals(10000, error.getCode());
    assertEquals("Authentication error", error.getMessage());
    assertEquals("https://developers.cloudflare.com/api/", error.getDocumentationUrl());
    assertEquals("/per_page", error.getSource().getPointer());
    assertEquals(6103, error.getErrorChain().get(0).getCode());
  }
}
