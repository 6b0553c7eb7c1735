package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditLog#compactJson()}: the one compact form of a record (what the CLI writes, what a
 * checkpoint remembers an id-less record by). Moved here from the CLI's former {@code JsonText}.
 */
class CompactJsonTest {
  private static AuditLog record(String json) {
    return Objects.requireNonNull(
        PageElements.record(json.getBytes(StandardCharsets.UTF_8), new Redactor(List.of())));
  }

  @Test
  void removesWhitespaceBetweenTokensOnly() {
    AuditLog log =
        record("{\n  \"a\": [1, 2.50, \"x y\"],\r\n\t\"b\" : {\"c\": \"line\\nnext \\\" q\"}\n}");
    assertEquals(
        "{\"a\":[1,2.50,\"x y\"],\"b\":{\"c\":\"line\\nnext \\\" q\"}}", log.compactJson());
  }

  @Test
  void compactTextIsTheExactTextAsSent() {
    AuditLog log = record("{\"a\":\"b c\",\"n\":1.0e+2}");
    assertSame(log.json(), log.compactJson());
  }

  @Test
  void multiByteCharactersAndEscapedQuotesSurvive() {
    AuditLog log = record("{ \"ü\" : \"Zürich \\\\\" , \"e\" : \"😀 \\\"x\\\" \" }");
    assertEquals("{\"ü\":\"Zürich \\\\\",\"e\":\"😀 \\\"x\\\" \"}", log.compactJson());
  }

  @Test
  void anIdLessRecordIsRememberedByItsCompactForm() {
    AuditLog log = record("{ \"when\" : \"2026-07-01T10:00:00Z\", \"x\" : [ 1 , 2 ] }");
    assertEquals("json:{\"when\":\"2026-07-01T10:00:00Z\",\"x\":[1,2]}", SyncCheckpoint.keyOf(log));
  }
}
