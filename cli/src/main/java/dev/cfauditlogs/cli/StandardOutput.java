package dev.cfauditlogs.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Standard output as the commands write it, remembering why a write failed: a {@link
 * java.io.PrintWriter} only says that one did. A reader that closed the pipe ({@code cf-audit-logs
 * export | head}) is the reader's choice and ends a command with exit 0; any other write failure (a
 * full disk behind {@code >>}) is exit 5.
 */
final class StandardOutput extends FilterOutputStream {
  private volatile @Nullable IOException failure;

  StandardOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw remember(e);
    }
  }

  private IOException remember(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * The failure a command ends with after a write to standard output failed: exit 0 when the reader
   * closed the pipe, else exit 5.
   */
  Failures.CliException failure() {
    return failure(OptionalLong.empty());
  }

  /**
   * Like {@link #failure()}, saying how many records had been written before, when known: {@code
   * standard output was closed by its reader after 1024 records were written; stopped}.
   */
  Failures.CliException failure(OptionalLong records) {
    IOException e = failure;
    if (e != null && closedPipe(e)) {
      return new Failures.CliException(
          ExitCode.OK, "standard output was closed by its reader" + after(records) + "; stopped");
    }
    return new Failures.CliException(
        ExitCode.FAILURE,
        "could not write to standard output"
            + after(records)
            + (e == null ? "" : " (" + e.getMessage() + ")"));
  }

  /** {@code " after N records were written"}, or nothing when the count is not known. */
  static String after(OptionalLong records) {
    if (records.isEmpty()) {
      return "";
    }
    long n = records.getAsLong();
    return " after " + n + (n == 1 ? " record was written" : " records were written");
  }

  /** EPIPE as the JDK reports it (Linux, macOS) or the Windows pipe errors. */
  static boolean closedPipe(IOException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("broken pipe")
        || message.contains("pipe is being closed")
        || message.contains("pipe has been ended");
  }
}
