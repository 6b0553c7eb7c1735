package dev.cfauditlogs.spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The decision part of {@code openapi/update-spec}: run the {@link SpecPipeline} on the upstream
 * document, compare the new slice with the checked-in one, report every drift (and every overlay
 * action that no longer selects anything), and write the fixture, its source, the slice and the
 * effective spec unless nothing changed or a breaking change was not accepted. Regenerating,
 * testing and restoring on a failed build is the script's job.
 */
final class UpdateFlow {
  enum Outcome {
    /** The slice and the effective spec are byte-identical to the checked-in ones; no write. */
    UNCHANGED,
    /** The checked-in files were replaced. */
    REPLACED,
    /** Breaking changes were found and not accepted; nothing was written. */
    BLOCKED
  }

  private UpdateFlow() {}

  /**
   * Runs the flow. {@code provenance} says where the document came from (e.g. {@code
   * cloudflare/api-schemas openapi.yaml at commit abc123}); null keeps the recorded one when the
   * fixture is unchanged and records the location otherwise.
   */
  static Outcome run(
      String source,
      SpecFiles files,
      boolean acceptBreaking,
      String provenance,
      PrintStream out,
      PrintStream err) {
    err.println(
        "update-spec: slicing GET " + String.join(" and GET ", Slicer.PATHS) + " out of " + source);
    Map<String, Object> upstream = Documents.load(source);
    SpecPipeline.Result result = SpecPipeline.run(upstream, SpecPipeline.loadOverlay(files));
    Path slicePath = files.slice();

    if (Files.exists(slicePath)
        && Files.exists(files.effective())
        && Arrays.equals(read(slicePath), result.sliceBytes())
        && Arrays.equals(read(files.effective()), result.effectiveBytes())
        && result.unmatchedActions().isEmpty()) {
      out.println(
          "slice unchanged: "
              + slicePath
              + " already is the slice of GET "
              + String.join(" and GET ", Slicer.PATHS)
              + " of "
              + source);
      return Outcome.UNCHANGED;
    }

    DriftReport report = drift(files, result);
    out.print(report.render(slicePath.getFileName().toString(), source));
    if (report.isEmpty()) {
      out.println(
          "no semantic differences in the slice: only its layout or the effective spec changes");
    }
    if (report.hasBreaking() && !acceptBreaking) {
      err.println(
          "update-spec: "
              + report.count(DriftReport.Severity.BREAKING)
              + " breaking change(s); nothing was changed. Re-run with --accept-breaking to take"
              + " them.");
      return Outcome.BLOCKED;
    }
    if (report.hasBreaking()) {
      err.println("update-spec: breaking changes accepted (--accept-breaking)");
    }
    writeAll(source, files, result, provenance);
    out.println("replaced " + slicePath + " and " + files.effective());
    return Outcome.REPLACED;
  }

  private static DriftReport drift(SpecFiles files, SpecPipeline.Result result) {
    List<DriftReport.Finding> findings = new ArrayList<>();
    if (Files.exists(files.slice())) {
      Map<String, Object> current = Documents.parse(read(files.slice()), files.slice().toString());
      Map<String, Object> next = Documents.parse(result.sliceBytes(), "the new slice");
      findings.addAll(DriftAnalyzer.compare(current, next).findings());
    }
    for (Overlay.Action action : result.unmatchedActions()) {
      findings.add(
          new DriftReport.Finding(
              DriftReport.Severity.BREAKING,
              action.label(),
              "selects nothing in the new slice, so its correction no longer applies (review "
                  + files.overlay().getFileName()
                  + ": "
                  + action.reason()
                  + ")"));
    }
    return new DriftReport(findings);
  }

  private static void writeAll(
      String source, SpecFiles files, SpecPipeline.Result result, String provenance) {
    byte[] excerpt = result.excerpt().getBytes(StandardCharsets.UTF_8);
    boolean newFixture =
        !Files.exists(files.fixture()) || !Arrays.equals(read(files.fixture()), excerpt);
    if (newFixture) {
      write(files.fixture(), excerpt);
    }
    if (provenance != null || newFixture) {
      String text =
          provenance != null
              ? provenance
              : source + " (read by update-spec on " + LocalDate.now(ZoneOffset.UTC) + ")";
      write(files.source(), (text.strip() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    write(files.slice(), result.sliceBytes());
    write(files.effective(), result.effectiveBytes());
  }

  private static void keepPermissions(Path target, Path temp) throws IOException {
    try {
      Files.setPosixFilePermissions(
          temp,
          Files.exists(target)
              ? Files.getPosixFilePermissions(target)
              : PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions are fine
    }
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new SpecException("cannot read " + path + ": " + e, e);
    }
  }

  /** Writes next to the target, then moves over it, so a failure never leaves half a slice. */
  static void write(Path path, byte[] bytes) {
    Path absolute = path.toAbsolutePath();
    try {
      Path temp = Files.createTempFile(absolute.getParent(), ".slice-", ".tmp");
      try {
        Files.write(temp, bytes);
        keepPermissions(absolute, temp);
        try {
          Files.move(
              temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
