package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small generated upstream document: shape, determinism, and that it slices to the fixture's. */
class SyntheticUpstreamTest {
  private static final int SERVICES = 40;
  private final Map<String, Object> seed = Fixtures.cloudflareMin();
  private final Map<String, Object> doc = SyntheticUpstream.generate(seed, SERVICES);

  @Test
  void hasThousandsOfPathsAndComponents() {
    assertEquals(Trees.map(seed, "paths").size() + SERVICES * 16, Trees.map(doc, "paths").size());
    int components = 0;
    for (Object kind : Trees.map(doc, "components").values()) {
      components += Trees.asMap(kind).size();
    }
    assertTrue(components > SERVICES * 20, "components: " + components);
  }

  @Test
  void slicesToExactlyTheSeedsSlice() {
    assertEquals(Fixtures.sliceText(seed), Fixtures.sliceText(doc));
  }

  @Test
  void jsonAndYamlFormsParseToTheSameTreeAndSlice() {
    byte[] json = SyntheticUpstream.bytes(doc, true);
    byte[] yaml = SyntheticUpstream.bytes(doc, false);

    Map<String, Object> fromJson = Documents.parse(json, "synthetic.json");
    Map<String, Object> fromYaml = Documents.parse(yaml, "synthetic.yaml");

    assertEquals(doc, fromJson);
    assertEquals(doc, fromYaml);
    assertEquals(Fixtures.sliceText(seed), Fixtures.sliceText(fromYaml));
  }

  @Test
  void theSameArgumentsGiveTheSameBytes() {
    assertArrayEquals(
        SyntheticUpstream.bytes(doc, true),
        SyntheticUpstream.bytes(
            SyntheticUpstream.generate(Fixtures.cloudflareMin(), SERVICES), true));
  }

  @Test
  void anOperationOfAServiceReachesACyclicGraphAcrossServicesAndSharedComponents() {
    Map<String, Object> slice = Slicer.slice(doc, "/accounts/{account_id}/s0000/entity0", "get");
    Map<String, Object> schemas = Trees.map(Trees.map(slice, "components"), "schemas");

    // entity0 -> next entity1 -> ... -> entity7 -> entity0, and related -> the next service's.
    for (int k = 0; k < SERVICES; k++) {
      String p = String.format(java.util.Locale.ROOT, "s%04d_", k);
      for (int j = 0; j < 8; j++) {
        assertTrue(schemas.containsKey(p + "entity" + j), p + "entity" + j);
      }
    }
    assertTrue(schemas.containsKey("aaa_result_info"));
    assertTrue(schemas.containsKey("aaa_messages"));
    assertTrue(
        Trees.map(Trees.map(slice, "components"), "parameters").containsKey("aaa_account_id"));
  }

  @Test
  void ofSizeComesCloseToTheTarget() {
    long target = 1_000_000;
    byte[] json = SyntheticUpstream.bytes(SyntheticUpstream.ofSize(seed, target, true), true);
    byte[] yaml = SyntheticUpstream.bytes(SyntheticUpstream.ofSize(seed, target, false), false);

    assertTrue(Math.abs(json.length - target) < target / 20, "json bytes: " + json.length);
    assertTrue(Math.abs(yaml.length - target) < target / 20, "yaml bytes: " + yaml.length);
    assertTrue(new String(json, 0, 1, StandardCharsets.UTF_8).equals("{"));
  }
}
