package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

  @Test
  void theFixtureIsItsOwnExcerpt() {
    assertEquals(
        made.excerpt(),
        Fixtures.read(Fixtures.REAL_UPSTREAM),
        "openapi/upstream/cloudflare-openapi.yaml is not what update-spec writes as the fixture");
  }
}
