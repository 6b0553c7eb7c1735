package dev.cfauditlogs.spec;

import java.nio.file.Path;

/**
 * Where the spec pipeline's files live in {@code openapi/}: the upstream fixture and where it came
 * from, the slice the slicer makes of it, the hand-written overlay, and the effective spec (slice +
 * overlay) that the generator and the contract tests read.
 */
record SpecFiles(Path dir) {
  /** The checked-in excerpt of Cloudflare's document (BSD-3-Clause, notice beside it). */
  Path fixture() {
    return dir.resolve("upstream").resolve("cloudflare-openapi.yaml");
  }

  /** Where the fixture came from (repository, file, date or commit); not compared for drift. */
  Path source() {
    return dir.resolve("upstream").resolve("SOURCE");
  }

  /** The slicer's output for the fixture; generated, never edited. */
  Path slice() {
    return dir.resolve("upstream-slice.yaml");
  }

  /** What we know beyond the document, as an OpenAPI Overlay 1.0.0; hand-written. */
  Path overlay() {
    return dir.resolve("overlay.yaml");
  }

  /** The slice with the overlay applied; generated, never edited. */
  Path effective() {
    return dir.resolve("effective.yaml");
  }
}
