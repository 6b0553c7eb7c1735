package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update-spec flow up to, not including, the Maven regeneration. */
class UpdateFlowTest {
  @TempDir Path temp;
  private Path slice;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void copyTheCheckedInSlice() throws IOException {
    slice = temp.resolve("user-audit-logs.yaml");
    Files.copy(Fixtures.CHECKED_IN_SLICE, slice);
    Files.setLastModifiedTime(slice, FileTime.fromMillis(1_000_000L));
  }

  @Test
  void theUpstreamTheSliceCameFromChangesNothing() throws IOException {
    byte[] before = Files.readAllBytes(slice);

    int code = tool("update", Fixtures.CLOUDFLARE_MIN.toString(), "--slice", slice.toString());

    assertEquals(SpecTool.OK, code, err::toString);
    assertEquals(
        "slice unchanged: "
            + slice
            + " already is the GET /user/audit_logs slice of "
            + Fixtures.CLOUDFLARE_MIN
            + "\n",
        out.toString(StandardCharsets.UTF_8));
    assertArrayEquals(before, Files.readAllBytes(slice));
    assertEquals(FileTime.fromMillis(1_000_000L), Files.getLastModifiedTime(slice));
  }

  @Test
  void theSameUpstreamAsJsonChangesNothingEither() {
    Path json = temp.resolve("openapi.json");
    Fixtures.write(json, JsonWriter.toJson(Fixtures.cloudflareMin()));

    UpdateFlow.Outcome outcome = flow(json.toString(), false);

    assertEquals(UpdateFlow.Outcome.UNCHANGED, outcome);
  }

  @Test
  void aBreakingChangeIsReportedAndNotWrittenWithoutAcceptance() throws IOException {
    byte[] before = Files.readAllBytes(slice);
    String upstream = upstreamWith(d -> perPage(d).put("maximum", 500));

    int code = tool("update", upstream, "--slice", slice.toString());

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
    assertArrayEquals(before, Files.readAllBytes(slice));
  }

  @Test
  void anAcceptedBreakingChangeReplacesTheSlice() {
    String upstream = upstreamWith(d -> perPage(d).put("maximum", 500));

    int code = tool("update", upstream, "--slice", slice.toString(), "--accept-breaking");

    assertEquals(SpecTool.OK, code, err::toString);
    assertEquals(Fixtures.sliceText(Fixtures.load(Path.of(upstream))), Fixtures.read(slice));
    assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("replaced " + slice + "\n"));
  }

  @Test
  void aNonBreakingChangeReplacesTheSlice() {
    String upstream =
        upstreamWith(
            d -> {
              Map<String, Object> param = new LinkedHashMap<>();
              param.put("in", "query");
              param.put("name", "actor.type");
              param.put("schema", Map.of("type", "string"));
              Trees.list(operation(d), "parameters").add(param);
            });

    UpdateFlow.Outcome outcome = flow(upstream, false);

    assertEquals(UpdateFlow.Outcome.REPLACED, outcome);
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains("  non-breaking  parameter actor.type (query): new optional parameter\n"));
    assertEquals(Fixtures.sliceText(Fixtures.load(Path.of(upstream))), Fixtures.read(slice));
  }

  @Test
  void aHandEditedLayoutIsRewrittenWithoutFindings() {
    Fixtures.write(slice, Fixtures.read(slice).replace("openapi: 3.0.3\n", "openapi: '3.0.3'\n"));

    UpdateFlow.Outcome outcome = flow(Fixtures.CLOUDFLARE_MIN.toString(), false);

    assertEquals(UpdateFlow.Outcome.REPLACED, outcome);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("no semantic differences"));
    assertEquals(Fixtures.read(Fixtures.CHECKED_IN_SLICE), Fixtures.read(slice));
  }

  @Test
  void aMissingSliceIsWritten() throws IOException {
    Files.delete(slice);

    assertEquals(UpdateFlow.Outcome.REPLACED, flow(Fixtures.CLOUDFLARE_MIN.toString(), false));
    assertEquals(Fixtures.read(Fixtures.CHECKED_IN_SLICE), Fixtures.read(slice));
  }

  @Test
  void anUnreadableUpstreamIsAUsageError() {
    int code = tool("update", temp.resolve("nope.json").toString(), "--slice", slice.toString());

    assertEquals(SpecTool.USAGE, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("error: no such file: "), err::toString);
  }

  @Test
  void diffExitsWithThreeOnBreakingChangesUnlessAccepted() {
    String upstream = upstreamWith(d -> perPage(d).put("maximum", 500));
    Path changed = temp.resolve("changed-slice.yaml");
    assertEquals(SpecTool.OK, tool("slice", upstream, "--out", changed.toString()));

    assertEquals(SpecTool.BREAKING, tool("diff", slice.toString(), changed.toString()));
    assertEquals(
        SpecTool.OK, tool("diff", slice.toString(), changed.toString(), "--accept-breaking"));
    assertEquals(SpecTool.OK, tool("diff", slice.toString(), slice.toString()));
  }

  private UpdateFlow.Outcome flow(String source, boolean accept) {
    return UpdateFlow.run(
        source,
        slice,
        accept,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int tool(String... args) {
    return SpecTool.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The fixture with a change, written as a YAML upstream document; returns its path. */
  private String upstreamWith(Consumer<Map<String, Object>> change) {
    Map<String, Object> upstream = Fixtures.cloudflareMin();
    change.accept(upstream);
    Path file = temp.resolve("upstream-" + System.nanoTime() + ".yaml");
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
