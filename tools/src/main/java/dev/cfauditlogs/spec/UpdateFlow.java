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
import java.util.Arrays;
import java.util.Map;

/**
 * The decision part of {@code openapi/update-spec}: slice the upstream document, compare the slice
 * with the checked-in one, print the drift report, and replace the checked-in slice unless nothing
 * changed or a breaking change was not accepted. Regenerating and testing is the script's job.
 */
final class UpdateFlow {
  enum Outcome {
    /** The new slice is byte-identical to the checked-in one; nothing was written. */
    UNCHANGED,
    /** The checked-in slice was replaced. */
    REPLACED,
    /** Breaking changes were found and not accepted; nothing was written. */
    BLOCKED
  }

  private UpdateFlow() {}

  static Outcome run(
      String source, Path slicePath, boolean acceptBreaking, PrintStream out, PrintStream err) {
    err.println("update-spec: slicing GET " + Slicer.PATH + " out of " + source);
    Map<String, Object> slice = Slicer.slice(Documents.load(source));
    byte[] bytes = YamlWriter.write(slice).getBytes(StandardCharsets.UTF_8);

    if (!Files.exists(slicePath)) {
      out.println("no slice at " + slicePath + " yet; writing the first one");
      write(slicePath, bytes);
      return Outcome.REPLACED;
    }
    byte[] current = read(slicePath);
    if (Arrays.equals(current, bytes)) {
      out.println(
          "slice unchanged: "
              + slicePath
              + " already is the GET "
              + Slicer.PATH
              + " slice of "
              + source);
      return Outcome.UNCHANGED;
    }

    DriftReport report =
        DriftAnalyzer.compare(Documents.parse(current, slicePath.toString()), slice);
    out.print(report.render(slicePath.getFileName().toString(), source));
    if (report.isEmpty()) {
      out.println("no semantic differences: only the file's layout changes");
    }
    if (report.hasBreaking() && !acceptBreaking) {
      err.println(
          "update-spec: "
              + report.count(DriftReport.Severity.BREAKING)
              + " breaking change(s); "
              + slicePath
              + " is left as it was. Re-run with --accept-breaking to take them.");
      return Outcome.BLOCKED;
    }
    if (report.hasBreaking()) {
      err.println("update-spec: breaking changes accepted (--accept-breaking)");
    }
    write(slicePath, bytes);
    out.println("replaced " + slicePath);
    return Outcome.REPLACED;
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
