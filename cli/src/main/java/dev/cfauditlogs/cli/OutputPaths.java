package dev.cfauditlogs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The one owner of what a file path given on the command line ({@code --output}, {@code
 * --checkpoint}) may be: {@code -} for standard output, and otherwise a file that can be written,
 * judged before any request is sent so that nothing is fetched into a place that cannot hold it.
 */
final class OutputPaths {
  /** What {@code --output} takes for standard output, as most command-line tools do. */
  static final String STDOUT = "-";

  private OutputPaths() {}

  /** {@code output}, or null (standard output) when it is {@code -}. */
  static @Nullable Path fileOrStdout(@Nullable Path output) {
    return output == null || output.toString().equals(STDOUT) ? null : output;
  }

  /**
   * Refuses (exit 2, naming {@code option}, the value and why) a {@code file} that cannot be
   * written: an existing directory, one whose parent directory is missing, is not a directory or is
   * not writable (the file is created there, or replaced by a rename), and, when {@code appended},
   * an existing file that is not writable (appending needs only the file).
   */
  static void requireWritableFile(String option, Path file, boolean appended) {
    String said = option + " " + file;
    if (Files.isDirectory(file)) {
      throw refused(said + " is a directory, not a file; name a file (in it or elsewhere)");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw refused(said + " cannot be written: it has no directory");
    }
    if (!Files.exists(parent)) {
      throw refused(said + " cannot be written: its directory " + parent + " does not exist");
    }
    if (!Files.isDirectory(parent)) {
      throw refused(said + " cannot be written: " + parent + " is not a directory");
    }
    if (!(appended && Files.exists(file)) && !Files.isWritable(parent)) {
      throw refused(said + " cannot be written: its directory " + parent + " is not writable");
    }
    if (appended && Files.exists(file) && !Files.isWritable(file)) {
      throw refused(said + " cannot be written: the file is read-only");
    }
  }

  private static Failures.CliException refused(String message) {
    return new Failures.CliException(ExitCode.USAGE, message + "; nothing was fetched");
  }
}
