package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void removesWhitespaceBetweenTokensOnly() {
    assertEquals(
        "{\"a\":[1,2.50,\"x y\"],\"b\":{\"c\":\"line\\nnext \\\" q\"}}",
        JsonText.compact(
            "{\n  \"a\": [1, 2.50, \"x y\"],\r\n\t\"b\" : {\"c\": \"line\\nnext \\\" q\"}\n}"));
  }

  @Test
  void compactTextIsReturnedAsIs() {
    String json = "{\"a\":\"b c\"}";
    assertSame(json, JsonText.compact(json));
  }
}
