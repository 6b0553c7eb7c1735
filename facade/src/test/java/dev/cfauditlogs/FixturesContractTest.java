package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every response fixture the tests serve is a response the slice allows. */
class FixturesContractTest {
  @ParameterizedTest
  @CsvSource({
    "200, seed-response.json",
    "200, page-with-result-info.json",
    "400, error-400.json",
    "401, error-401.json",
    "403, error-403.json",
    "404, error-404.json",
    "429, error-429.json"
  })
  void fixtureMatchesTheSlice(int status, String fixture) {
    assertEquals(List.of(), SliceContract.responseViolations(status, Fixtures.read(fixture)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "200|{\"success\": true, \"errors\": [], \"messages\": [], \"result\": [{\"when\": \"not a time\"}]}",
        "200|{\"success\": true, \"errors\": [], \"messages\": [], \"result\": [{\"actor\": {\"type\": \"robot\"}}]}",
        "400|{\"success\": false, \"errors\": [{\"code\": 1, \"message\": \"code below 1000\"}], \"messages\": [], \"result\": null}"
      })
  void theCheckRejectsBodiesTheSliceDoesNotAllow(int status, String body) {
    assertFalse(SliceContract.responseViolations(status, body).isEmpty(), body);
  }
}
