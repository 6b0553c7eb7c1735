package dev.cfauditlogs.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The {@code cf-audit-logs} command: entry point of the runnable jar. */
public final class Main {
  /**
   * The library's logger, silenced: the commands say on stderr, in their own words and once, what
   * it would log (such as a clock skew). Held here so that the setting is not garbage-collected.
   */
  private static final Logger LIBRARY_LOG = Logger.getLogger("dev.cfauditlogs");

  private Main() {}

  /** Runs the command line and exits with its documented exit code. */
  public static void main(String[] args) {
    LIBRARY_LOG.setLevel(Level.OFF);
    // stdout as a plain stream, so that a closed pipe shows up in checkError() instead of being
    // swallowed.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16),
            false);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line with the given streams and environment; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cli = new CommandLine(new RootCommand(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::usage);
    int code = cli.execute(args);
    out.flush();
    return code;
  }
}
