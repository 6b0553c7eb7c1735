package dev.cfauditlogs.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns an upstream document into the files of {@link SpecFiles}: its excerpt (the fixture), its
 * slice, and the effective spec (the slice with the overlay applied). Every output is a pure
 * function of the upstream document and the overlay, so the checked-in files can be checked against
 * what the pipeline makes of the checked-in inputs.
 */
final class SpecPipeline {
  private SpecPipeline() {}

  /** The three generated texts, and the overlay actions that selected nothing in the slice. */
  record Result(
      String excerpt, String slice, String effective, List<Overlay.Action> unmatchedActions) {
    byte[] sliceBytes() {
      return slice.getBytes(StandardCharsets.UTF_8);
    }

    byte[] effectiveBytes() {
      return effective.getBytes(StandardCharsets.UTF_8);
    }
  }

  static Result run(Map<String, Object> upstream, Overlay overlay) {
    String excerpt = YamlWriter.write(Slicer.excerpt(upstream));
    Map<String, Object> slice = Slicer.slice(upstream);
    Overlay.Applied applied = overlay.apply(slice);
    Object effective = KeyOrder.canonical(applied.document());
    return new Result(
        excerpt, YamlWriter.write(slice), YamlWriter.write(effective), applied.unmatched());
  }

  static Overlay loadOverlay(SpecFiles files) {
    String location = files.overlay().toString();
    return Overlay.parse(Documents.load(location), location);
  }
}
