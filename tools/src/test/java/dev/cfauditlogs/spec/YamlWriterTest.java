package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The slice writer: values survive any reader, and maps come out in canonical order. */
class YamlWriterTest {
  private static final List<String> TRICKY =
      List.of(
          "2019-04-30",
          "2019-04-30T01:12:20Z",
          "yes",
          "No",
          "on",
          "null",
          "~",
          "",
          " leading space",
          "trailing space ",
          "1e5",
          "0o17",
          "0x1F",
          "1_000",
          "12:30:00",
          ".5",
          "#not a comment",
          "key: value",
          "- dash",
          "'single'",
          "\"double\"",
          "tab\there",
          "caf\u00e9 \u2603 \uD83D\uDE00",
          "bell\u0007",
          "line one\nline two\n",
          "line one\n\n  indented\ntrailing spaces   \nend",
          "A long description that goes on and on, well past the folding width, with  two spaces,"
              + " trailing punctuation: and a colon, so that the folded style has work to do.",
          "x".repeat(300),
          "@at",
          "`backtick`",
          "%percent",
          "!bang",
          "&amp",
          "*star",
          "{brace}",
          "[bracket]",
          "|pipe",
          ">gt",
          "?q",
          "a #b");

  @Test
  void everyStringReadsBackUnchangedWithYaml12AndYaml11Readers() {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (int i = 0; i < TRICKY.size(); i++) {
      tree.put("k" + i, TRICKY.get(i));
      tree.put(TRICKY.get(i).isEmpty() ? "empty" : TRICKY.get(i), i);
    }
    tree.put("numbers", List.of(1, -2, 12345678901L, 1.5, 1.0e10, 1.0e-7, 0.0));
    tree.put("flags", List.of(true, false));
    tree.put("nothing", null);

    String text = YamlWriter.write(tree);

    assertEquals(tree, YamlTreeReader.read(new StringReader(text), "written"));
    Map<?, ?> yaml11 = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    for (int i = 0; i < TRICKY.size(); i++) {
      assertEquals(TRICKY.get(i), yaml11.get("k" + i), "k" + i + " in\n" + text);
    }
  }

  @Test
  void mapsComeOutInCanonicalOrderAndArraysAsTheyWere() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("x-vendor", 1);
    schema.put(
        "properties",
        new LinkedHashMap<>(
            Map.of(
                "zeta",
                Map.of("type", "string"),
                "type",
                Map.of("example", 2, "type", "integer"))));
    schema.put("example", new LinkedHashMap<>(Map.of("z", 1, "a", 2)));
    schema.put("description", "A schema.");
    schema.put("enum", List.of("b", "a"));
    schema.put("type", "object");
    schema.put("unknownKeyword", true);

    String text = YamlWriter.write(KeyOrder.canonical(schema));

    assertEquals(
        String.join(
            "\n",
            "type: object",
            "description: A schema.",
            "enum:",
            "  - b",
            "  - a",
            "example:",
            "  a: 2",
            "  z: 1",
            "properties:",
            "  type:",
            "    type: integer",
            "    example: 2",
            "  zeta:",
            "    type: string",
            "unknownKeyword: true",
            "x-vendor: 1",
            ""),
        text);
  }

  @Test
  void longTextIsFoldedAndMultiLineTextIsLiteral() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("description", "word ".repeat(30).trim());
    tree.put("markdown", "# Title\n\nBody text.\n");

    assertEquals(
        String.join(
            "\n",
            "description: >-",
            "  word word word word word word word word word word word word word word word word word word word word",
            "  word word word word word word word word word word",
            "markdown: |",
            "  # Title",
            "",
            "  Body text.",
            ""),
        YamlWriter.write(tree));
  }
}
