package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Why {@code openapi/overlay.yaml} exists: real, valid responses that Cloudflare's document as
 * published (the bare upstream slice) rejects, and the effective spec accepts.
 */
class OverlayNecessityTest {
  private static final OpenApiInteractionValidator UPSTREAM =
      SliceContract.validator(SliceContract.UPSTREAM_SLICE);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // A normal page matches both branches of the document's 200 oneOf.
    "200, seed-response.json",
    "200, page-with-result-info.json",
    // Error bodies carry "result": null, which the 4XX allOf's array-typed result refuses.
    "400, error-400.json",
    "429, error-429.json"
  })
  void theDocumentRejectsAValidResponseThatTheEffectiveSpecAccepts(int status, String fixture) {
    String body = Fixtures.read(fixture);

    List<String> upstream = SliceContract.responseViolations(UPSTREAM, status, body);
    List<String> effective = SliceContract.responseViolations(status, body);

    assertTrue(!upstream.isEmpty(), "the bare document accepted " + fixture);
    assertEquals(List.of(), effective);
  }
}
