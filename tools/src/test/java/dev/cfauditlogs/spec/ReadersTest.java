package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON and YAML readers build the same trees, with JSON's idea of scalars. */
class ReadersTest {
  @Test
  void plainYamlScalarsFollowTheYaml12CoreSchema() {
    Map<String, Object> doc =
        yaml(
            "date: 2019-04-30\n"
                + "yes: yes\n"
                + "on: off\n"
                + "int: 1000\n"
                + "neg: -7\n"
                + "long: 12345678901\n"
                + "big: 123456789012345678901234567890\n"
                + "octal: 0o17\n"
                + "hex: 0x1F\n"
                + "float: 1.5\n"
                + "exp: 1e3\n"
                + "tilde: ~\n"
                + "empty:\n"
                + "quoted: '1000'\n"
                + "bool: true\n"
                + "tagged: !!str 12\n"
                + "200: status\n");
    assertEquals("2019-04-30", doc.get("date"));
    assertEquals("yes", doc.get("yes"));
    assertEquals("off", doc.get("on"));
    assertEquals(1000, doc.get("int"));
    assertEquals(-7, doc.get("neg"));
    assertEquals(12345678901L, doc.get("long"));
    assertEquals(new BigInteger("123456789012345678901234567890"), doc.get("big"));
    assertEquals(15, doc.get("octal"));
    assertEquals(31, doc.get("hex"));
    assertEquals(1.5, doc.get("float"));
    assertEquals(1000.0, doc.get("exp"));
    assertNull(doc.get("tilde"));
    assertTrue(doc.containsKey("empty"));
    assertNull(doc.get("empty"));
    assertEquals("1000", doc.get("quoted"));
    assertEquals(true, doc.get("bool"));
    assertEquals("12", doc.get("tagged"));
    assertEquals("status", doc.get("200"));
  }

  @Test
  void jsonNumbersMatchTheYamlOnes() {
    Map<String, Object> doc =
        json(
            "{\"int\": 1000, \"long\": 12345678901, \"float\": 1.5, \"exp\": 1e3, \"neg\": -7,"
                + " \"t\": true, \"n\": null, \"s\": \"a\\u00e9\\n\"}");
    assertEquals(
        yaml(
            "int: 1000\nlong: 12345678901\nfloat: 1.5\nexp: 1e3\nneg: -7\nt: true\nn: null\ns: \"a\u00e9\\n\"\n"),
        doc);
  }

  @Test
  void anchorsAliasesAndMergeKeys() {
    Map<String, Object> doc =
        yaml(
            "base: &base\n  type: string\n  maxLength: 5\n"
                + "copy: *base\n"
                + "merged:\n  <<: *base\n  maxLength: 9\n"
                + "before:\n  maxLength: 7\n  <<: *base\n");
    assertSame(doc.get("base"), doc.get("copy"));
    assertEquals(Map.of("type", "string", "maxLength", 9), doc.get("merged"));
    assertEquals(Map.of("type", "string", "maxLength", 7), doc.get("before"));
  }

  @Test
  void malformedInputsAreClearErrors() {
    assertEquals(
        "duplicate key 'a'",
        assertThrows(SpecException.class, () -> yaml("a: 1\na: 2\n")).getMessage());
    assertEquals(
        "expected one YAML document but found more",
        assertThrows(SpecException.class, () -> yaml("a: 1\n---\nb: 2\n")).getMessage());
    assertEquals(
        "alias *x refers to itself at line 1",
        assertThrows(SpecException.class, () -> yaml("&x [*x]\n")).getMessage());
    assertTrue(
        assertThrows(SpecException.class, () -> yaml("a: [1, 2\n"))
            .getMessage()
            .startsWith("cannot parse YAML from test.yaml: "));
    assertEquals(
        "duplicate key 'a' at $.a",
        assertThrows(SpecException.class, () -> json("{\"a\": 1, \"a\": 2}")).getMessage());
    assertTrue(
        assertThrows(SpecException.class, () -> json("{\"a\": 1"))
            .getMessage()
            .startsWith("cannot"));
    assertEquals(
        "cannot parse JSON from test.json: more content after the document",
        assertThrows(SpecException.class, () -> json("{} {}")).getMessage());
  }

  @Test
  void aByteOrderMarkAndLeadingSpaceStillMeanJson() {
    byte[] bytes = "\uFEFF \n{\"a\": [1]}".getBytes(StandardCharsets.UTF_8);
    assertTrue(Documents.looksLikeJson(bytes));
    assertEquals(Map.of("a", List.of(1)), Documents.parse(withoutBom(bytes), "bom.json"));
  }

  private static byte[] withoutBom(byte[] bytes) {
    return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
  }

  private static Map<String, Object> yaml(String text) {
    return Documents.parse(text.getBytes(StandardCharsets.UTF_8), "test.yaml");
  }

  private static Map<String, Object> json(String text) {
    return Documents.parse(text.getBytes(StandardCharsets.UTF_8), "test.json");
  }
}
