package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated files in {@code openapi/} are exactly what the pipeline makes of its checked-in
 * inputs (the upstream fixture and the overlay): nobody edited them by hand, and nobody forgot to
 * run {@code ./openapi/update-spec openapi/upstream/cloudflare-openapi.yaml} after changing an
 * input.
 */
class CheckedInSpecTest {
  private static final String FIX =
      "; run ./openapi/update-spec openapi/upstream/cloudflare-openapi.yaml";
  private static SpecPipeline.Result made;

  @BeforeAll
  static void runThePipeline() {
    made =
        SpecPipeline.run(
            Fixtures.load(Fixtures.REAL_UPSTREAM),
            SpecPipeline.loadOverlay(new SpecFiles(Fixtures.OPENAPI)));
  }

  @Test
  void theSliceIsTheSlicersOutputForTheFixture() {
    assertEquals(
        made.slice(),
        Fixtures.read(Fixtures.CHECKED_IN_SLICE),
        "openapi/upstream-slice.yaml differs from the slice of the fixture" + FIX);
  }

  @Test
  void theEffectiveSpecIsTheSliceWithTheOverlay() {
    assertEquals(
        made.effective(),
        Fixtures.read(Fixtures.CHECKED_IN_EFFECTIVE),
        "openapi/effective.yaml differs from the slice with openapi/overlay.yaml applied" + FIX);
  }

  @Test
  void everyOverlayActionSelectsSomething() {
    assertEquals(List.of(), made.unmatchedActions());
  }

  /**
   * Both operations of the fixture are the real document's, verbatim: the fixture is the excerpt of
   * the reference copy of Cloudflare's 2026-08-14 document kept beside the project (when it is
   * there), and its two paths are that document's own.
   */
  @Test
  void theFixtureHoldsBothOperationsAsTheRealDocumentHasThem() {
    Map<String, Object> fixture = Fixtures.load(Fixtures.REAL_UPSTREAM);
    Map<String, Object> paths = Trees.map(fixture, "paths");
    assertEquals(Set.copyOf(Slicer.PATHS), paths.keySet());
    assertEquals(
        "audit-logs-get-account-audit-logs",
        Trees.map(Trees.map(paths, Slicer.ACCOUNT_PATH), "get").get("operationId"));
    Path reference = REFERENCE;
    Assumptions.assumeTrue(Files.exists(reference), "no reference document at " + reference);
    Map<String, Object> real = Fixtures.load(reference);
    for (String path : Slicer.PATHS) {
      assertEquals(Trees.map(Trees.map(real, "paths"), path), paths.get(path), path);
    }
    assertEquals(YamlWriter.write(Slicer.excerpt(real)), Fixtures.read(Fixtures.REAL_UPSTREAM));
  }

  /** The reference copy of the real document's audit-log excerpt, outside the repository. */
  private static final Path REFERENCE =
      Path.of(
          "..",
          "..",
          "shared",
          "reference",
          "cloudflare-api-schemas",
          "openapi-2026-08-14-excerpt.yaml");

  @Test
  void theFixtureIsItsOwnExcerpt() {
    assertEquals(
        made.excerpt(),
        Fixtures.read(Fixtures.REAL_UPSTREAM),
        "openapi/upstream/cloudflare-openapi.yaml is not what update-spec writes as the fixture");
  }
}
