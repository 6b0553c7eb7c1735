package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference walk on a fixture full of chains, cycles and every place a $ref can hide. */
class SlicerGraphTest {
  private final Map<String, Object> upstream = Fixtures.load(Fixtures.REFS_AND_CYCLES);

  /** The fixture holds one operation: the graph walk is the same for one as for two. */
  private static Map<String, Object> slice(Map<String, Object> upstream) {
    return Slicer.slice(upstream, Slicer.PATH, Slicer.METHOD);
  }

  private static String sliceText(Map<String, Object> upstream) {
    return YamlWriter.write(slice(upstream));
  }

  @Test
  void keepsExactlyTheReachableComponentsOfEachKind() {
    Map<String, Object> components = Trees.map(slice(upstream), "components");

    assertEquals(
        Set.of("examples", "headers", "parameters", "responses", "schemas", "securitySchemes"),
        components.keySet());
    assertEquals(
        Set.of("chain_start", "chain_middle", "chain_end", "path_level"),
        Trees.map(components, "parameters").keySet());
    assertEquals(Set.of("ok"), Trees.map(components, "responses").keySet());
    assertEquals(Set.of("rate"), Trees.map(components, "headers").keySet());
    assertEquals(Set.of("sample"), Trees.map(components, "examples").keySet());
    assertEquals(Set.of("root_key"), Trees.map(components, "securitySchemes").keySet());
    assertEquals(
        Set.of(
            "page_number",
            "page_number_base",
            "via_additional",
            "dict_value",
            "node",
            "node_parent",
            "via_allof",
            "allof_part",
            "oneof_part",
            "anyof_part",
            "item_target",
            "via_properties",
            "prop_target",
            "shared",
            "rate_value",
            "a/b",
            "big",
            "big_part",
            "from_extension"),
        Trees.map(components, "schemas").keySet());
  }

  @Test
  void keepsTheGetAndThePathLevelFieldsButNotOtherMethodsOrPaths() {
    Map<String, Object> slice = slice(upstream);
    Map<String, Object> item = Trees.map(Trees.map(slice, "paths"), Slicer.PATH);

    assertEquals(Set.of(Slicer.PATH), Trees.map(slice, "paths").keySet());
    assertEquals(List.of("summary", "parameters", "get"), List.copyOf(item.keySet()));
    assertFalse(slice.containsKey("x-unrelated"));
  }

  @Test
  void anOperationWithoutSecurityInheritsTheDocumentsRequirement() {
    Map<String, Object> slice = slice(upstream);
    assertEquals(List.of(Map.of("root_key", List.of())), slice.get("security"));
  }

  @Test
  void cyclesAreSlicedOnceAndTheOutputIsStable() {
    String first = sliceText(upstream);
    assertEquals(first, sliceText(Fixtures.load(Fixtures.REFS_AND_CYCLES)));
    assertEquals(
        first,
        sliceText(
            Documents.parse(first.getBytes(java.nio.charset.StandardCharsets.UTF_8), "slice")));
  }

  @Test
  void aRefToAnotherPartOfTheDocumentIsAnErrorNamingIt() {
    Fixtures.component(upstream, "schemas", "item_target").put("$ref", "#/paths/~1other");

    SpecException e = assertThrows(SpecException.class, () -> slice(upstream));
    assertEquals(
        "unsupported $ref '#/paths/~1other' at #/components/schemas/item_target: only local"
            + " references to #/components/<kind>/<name> can be sliced",
        e.getMessage());
  }

  @Test
  void anExternalRefIsAnErrorNamingIt() {
    Fixtures.component(upstream, "schemas", "prop_target")
        .put("items", Map.of("$ref", "common.yaml#/components/schemas/x"));

    SpecException e = assertThrows(SpecException.class, () -> slice(upstream));
    assertEquals(
        "unsupported $ref 'common.yaml#/components/schemas/x' at"
            + " #/components/schemas/prop_target/items: only local references to"
            + " #/components/<kind>/<name> can be sliced",
        e.getMessage());
  }

  @Test
  void aDanglingRefIsAnErrorNamingIt() {
    Fixtures.component(upstream, "schemas", "dict_value")
        .put("not", Map.of("$ref", "#/components/schemas/gone"));

    SpecException e = assertThrows(SpecException.class, () -> slice(upstream));
    assertEquals(
        "$ref '#/components/schemas/gone' at #/components/schemas/dict_value/not points to"
            + " #/components/schemas/gone, which the upstream document does not define",
        e.getMessage());
  }

  @Test
  void anUndefinedSecuritySchemeIsAnError() {
    Trees.map(Trees.map(upstream, "components"), "securitySchemes").remove("root_key");

    SpecException e = assertThrows(SpecException.class, () -> slice(upstream));
    assertEquals(
        "the security requirement 'root_key' points to #/components/securitySchemes/root_key, which"
            + " the upstream document does not define",
        e.getMessage());
  }

  @Test
  void pointerTokensAreUnescaped() {
    assertEquals(
        new ComponentRef("schemas", "a/b"),
        ComponentRef.parse("#/components/schemas/a~1b").orElseThrow());
    assertEquals(
        new ComponentRef("schemas", "a~b c"),
        ComponentRef.parse("#/components/schemas/a~0b%20c").orElseThrow());
    assertEquals(
        new ComponentRef("schemas", "big"),
        ComponentRef.parse("#/components/schemas/big/properties/x").orElseThrow());
    assertEquals("#/components/schemas/a~1b", new ComponentRef("schemas", "a/b").pointer());
    assertFalse(ComponentRef.parse("#/components/schemas").isPresent());
    assertFalse(ComponentRef.parse("#/paths/x").isPresent());
  }
}
