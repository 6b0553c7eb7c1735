package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update-spec flow up to, not including, the Maven regeneration, on a copy of {@code openapi/}.
 * The variants of Cloudflare's document are hand-made from the checked-in fixture ("hand-made" in
 * the test names): real-shaped, but not published versions.
 */
class UpdateFlowTest {
  private static final List<String> FILES =
      List.of(
          "upstream/cloudflare-openapi.yaml",
          "upstream/SOURCE",
          "upstream-slice.yaml",
          "overlay.yaml",
          "effective.yaml");

  @TempDir Path temp;
  private SpecFiles files;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void copyTheCheckedInSpecFiles() throws IOException {
    Path dir = temp.resolve("openapi");
    Files.createDirectories(dir.resolve("upstream"));
    for (String name : FILES) {
      Files.copy(Fixtures.OPENAPI.resolve(name), dir.resolve(name));
      Files.setLastModifiedTime(dir.resolve(name), FileTime.fromMillis(1_000_000L));
    }
    files = new SpecFiles(dir);
  }

  @Test
  void theCheckedInFixtureChangesNothing() throws IOException {
    Map<String, byte[]> before = snapshot();

    int code = tool("update", files.fixture().toString(), "--dir", files.dir().toString());

    assertEquals(SpecTool.OK, code, err::toString);
    assertEquals(
        "slice unchanged: "
            + files.slice()
            + " already is the slice of GET /user/audit_logs and GET"
            + " /accounts/{account_id}/audit_logs of "
            + files.fixture()
            + "\n",
        out.toString(StandardCharsets.UTF_8));
    assertUnchanged(before);
    assertEquals(FileTime.fromMillis(1_000_000L), Files.getLastModifiedTime(files.slice()));
  }

  @Test
  void theSameDocumentAsJsonChangesNothingEither() throws IOException {
    Map<String, byte[]> before = snapshot();
    Path json = temp.resolve("openapi.json");
    Fixtures.write(json, JsonWriter.toJson(Fixtures.load(Fixtures.REAL_UPSTREAM)));

    assertEquals(UpdateFlow.Outcome.UNCHANGED, flow(json.toString(), false));
    assertUnchanged(before);
  }

  @Test
  void handMadeBreakingVariantIsReportedAndNothingIsWritten() throws IOException {
    Map<String, byte[]> before = snapshot();
    String upstream = upstreamWith(d -> perPage(d).put("maximum", 500));

    int code = tool("update", upstream, "--dir", files.dir().toString());

    assertEquals(SpecTool.BREAKING, code);
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        report.contains(
            "  BREAKING      parameter per_page (query): maximum lowered from 1000 to 500"),
        report);
    assertTrue(report.contains("1 breaking, 0 non-breaking, 0 cosmetic"), report);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("Re-run with --accept-breaking"),
        err::toString);
    assertUnchanged(before);
  }

  @Test
  void handMadeBreakingVariantAcceptedReplacesFixtureSliceEffectiveAndSource() throws IOException {
    String upstream = upstreamWith(d -> perPage(d).put("maximum", 500));

    int code =
        tool(
            "update",
            upstream,
            "--dir",
            files.dir().toString(),
            "--source",
            "hand-made variant: per_page maximum 500",
            "--accept-breaking");

    assertEquals(SpecTool.OK, code, err::toString);
    SpecPipeline.Result expected =
        SpecPipeline.run(Fixtures.load(Path.of(upstream)), SpecPipeline.loadOverlay(files));
    assertEquals(expected.slice(), Fixtures.read(files.slice()));
    assertEquals(expected.effective(), Fixtures.read(files.effective()));
    assertEquals(expected.excerpt(), Fixtures.read(files.fixture()));
    assertEquals("hand-made variant: per_page maximum 500\n", Fixtures.read(files.source()));
    assertTrue(Fixtures.read(files.effective()).contains("maximum: 500"));
    // The new fixture is itself a fixed point: updating from it changes nothing.
    out.reset();
    assertEquals(UpdateFlow.Outcome.UNCHANGED, flow(files.fixture().toString(), false));
  }

  @Test
  void handMadeNonBreakingVariantIsTakenWithoutAcceptance() {
    String upstream =
        upstreamWith(
            d ->
                Trees.map(Fixtures.component(d, "schemas", "aaa_audit-logs"), "properties")
                    .put("newValueJson", new LinkedHashMap<>(Map.of("type", "object"))));

    UpdateFlow.Outcome outcome = flow(upstream, false);

    assertEquals(UpdateFlow.Outcome.REPLACED, outcome, out::toString);
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains(
                "  non-breaking  response 200 application/json: oneOf[0].result[].newValueJson:"
                    + " field added\n"),
        out::toString);
    assertTrue(Fixtures.read(files.effective()).contains("newValueJson:"));
    assertTrue(Fixtures.read(files.source()).startsWith(upstream + " (read by update-spec on "));
  }

  @Test
  void handMadeVariantWhereAnOverlayTargetVanishedIsBreakingDrift() throws IOException {
    Map<String, byte[]> before = snapshot();
    // Upstream fixes its oneOf itself: the overlay's removal of the redundant branch selects
    // nothing any more, and the report must say so rather than skip it.
    String upstream =
        upstreamWith(
            d -> {
              Map<String, Object> collection =
                  Fixtures.component(d, "schemas", "aaa_audit_logs_response_collection");
              Trees.list(collection, "oneOf").remove(1);
            });

    int code = tool("update", upstream, "--dir", files.dir().toString());

    assertEquals(SpecTool.BREAKING, code);
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        report.contains(
            "  BREAKING      overlay action 2 (" + "$.components.schemas['aaa_audit_logs_"),
        report);
    assertTrue(report.contains("selects nothing in the new slice"), report);
    assertUnchanged(before);
  }

  @Test
  void anEditedOverlayRewritesOnlyTheEffectiveSpec() throws IOException {
    byte[] slice = Files.readAllBytes(files.slice());
    byte[] fixture = Files.readAllBytes(files.fixture());
    Fixtures.write(
        files.overlay(),
        Fixtures.read(files.overlay())
                .replace("version: 1.0.0\nactions:", "version: 1.0.1\nactions:")
            + "  - target: $.servers[0]\n"
            + "    description: A hand-made test action.\n"
            + "    update:\n"
            + "      x-test: true\n");

    UpdateFlow.Outcome outcome = flow(files.fixture().toString(), false);

    assertEquals(UpdateFlow.Outcome.REPLACED, outcome, out::toString);
    assertArrayEquals(slice, Files.readAllBytes(files.slice()));
    assertArrayEquals(fixture, Files.readAllBytes(files.fixture()));
    assertTrue(Fixtures.read(files.effective()).contains("x-test: true"));
  }

  @Test
  void aMissingSliceIsWritten() throws IOException {
    byte[] expected = Files.readAllBytes(files.slice());
    Files.delete(files.slice());

    assertEquals(UpdateFlow.Outcome.REPLACED, flow(files.fixture().toString(), false));
    assertArrayEquals(expected, Files.readAllBytes(files.slice()));
  }

  @Test
  void anUnreadableUpstreamIsAUsageError() {
    int code =
        tool("update", temp.resolve("nope.json").toString(), "--dir", files.dir().toString());

    assertEquals(SpecTool.USAGE, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("error: no such file: "), err::toString);
  }

  @Test
  void anOverlayActionWithoutAReasonIsAUsageError() {
    Fixtures.write(
        files.overlay(),
        Fixtures.read(files.overlay())
            + "  - target: $.info\n"
            + "    update:\n"
            + "      x-why: nobody said\n");

    int code = tool("update", files.fixture().toString(), "--dir", files.dir().toString());

    assertEquals(SpecTool.USAGE, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("has no 'description'"), err::toString);
  }

  @Test
  void diffExitsWithThreeOnBreakingChangesUnlessAccepted() {
    String upstream = upstreamWith(d -> perPage(d).put("maximum", 500));
    Path changed = temp.resolve("changed-slice.yaml");
    String slice = files.slice().toString();
    assertEquals(SpecTool.OK, tool("slice", upstream, "--out", changed.toString()));

    assertEquals(SpecTool.BREAKING, tool("diff", slice, changed.toString()));
    assertEquals(SpecTool.OK, tool("diff", slice, changed.toString(), "--accept-breaking"));
    assertEquals(SpecTool.OK, tool("diff", slice, slice));
  }

  private Map<String, byte[]> snapshot() throws IOException {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (String name : FILES) {
      bytes.put(name, Files.readAllBytes(files.dir().resolve(name)));
    }
    return bytes;
  }

  private void assertUnchanged(Map<String, byte[]> before) throws IOException {
    for (Map.Entry<String, byte[]> e : before.entrySet()) {
      assertArrayEquals(
          e.getValue(), Files.readAllBytes(files.dir().resolve(e.getKey())), e.getKey());
    }
    try (var listing = Files.list(files.dir())) {
      assertFalse(
          listing.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
    }
  }

  private UpdateFlow.Outcome flow(String source, boolean accept) {
    return UpdateFlow.run(
        source,
        files,
        accept,
        null,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int tool(String... args) {
    return SpecTool.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The real fixture with a hand-made change, written as a YAML upstream document. */
  private String upstreamWith(Consumer<Map<String, Object>> change) {
    Map<String, Object> upstream = Fixtures.load(Fixtures.REAL_UPSTREAM);
    change.accept(upstream);
    Path file = temp.resolve("hand-made-" + System.nanoTime() + ".yaml");
    Fixtures.write(file, YamlWriter.writeUnchecked(upstream));
    return file.toString();
  }

  private static Map<String, Object> operation(Map<String, Object> doc) {
    return Fixtures.operation(doc);
  }

  private static Map<String, Object> perPage(Map<String, Object> doc) {
    return Trees.map(Fixtures.parameter(doc, "per_page"), "schema");
  }
}
