package dev.cfauditlogs.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The {@code cf-audit-logs} command: entry point of the runnable jar. */
public final class Main {
  /**
   * The library's logger, silenced: the commands say on stderr, in their own words and once, what
   * it would log (such as a clock skew). Held here so that the setting is not garbage-collected.
   */
  private static final Logger LIBRARY_LOG = Logger.getLogger("dev.cfauditlogs");

  /**
   * The subcommand that prints a bash/zsh completion script for {@code cf-audit-logs} (picocli's
   * {@link AutoComplete.GenerateCompletion}); the root help's footer names it.
   */
  static final String COMPLETION = "generate-completion";

  private Main() {}

  /** Runs the command line and exits with its documented exit code. */
  public static void main(String[] args) {
    LIBRARY_LOG.setLevel(Level.OFF);
    Prewarm.startFor(args);
    // stdout as a plain stream, so that a closed pipe shows up in checkError() instead of being
    // swallowed.
    StandardOutput stdout = new StandardOutput(new FileOutputStream(FileDescriptor.out));
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16),
            false);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.getenv(), Clock.systemUTC(), stdout);
    out.flush();
    err.flush();
    GracefulStop.exit(code);
  }

  /** Runs the command line with the given streams and environment; returns the exit code. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    return run(args, out, err, env, Clock.systemUTC(), null);
  }

  /**
   * Like {@link #run(String[], PrintWriter, PrintWriter, Map)}, reading time from {@code clock}.
   */
  static int run(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    return run(args, out, err, env, clock, null);
  }

  /**
   * Runs the command line with the given streams and environment, reading time from {@code clock};
   * returns the exit code. {@code stdout}, when given, is the stream under {@code out}, which tells
   * a closed pipe from other write failures.
   */
  static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Clock clock,
      @Nullable StandardOutput stdout) {
    CommandLine cli = commandLine(new RootCommand(env, clock, stdout), completionAsked(args));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    helpWidth(cli, env);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::usage);
    int code = cli.execute(args);
    out.flush();
    return code;
  }

  /**
   * Whether the run needs the {@value #COMPLETION} subcommand: when it is the command, or for the
   * root's help, which lists every command a user can run.
   */
  static boolean completionAsked(String[] args) {
    return args.length > 0
        && (args[0].equals(COMPLETION) || args[0].equals("--help") || args[0].equals("-h"));
  }

  /**
   * The command tree of {@code root}; with {@code completion}, also the {@value #COMPLETION}
   * subcommand, which is added only when asked for ({@link #completionAsked}), so that no other run
   * loads picocli's completion classes.
   */
  static CommandLine commandLine(RootCommand root, boolean completion) {
    CommandLine cli = new CommandLine(root);
    FollowCommand.hideDirection(cli.getSubcommands().get("follow").getCommandSpec());
    if (completion) {
      cli.addSubcommand(COMPLETION, new AutoComplete.GenerateCompletion());
    }
    return cli;
  }

  /**
   * Help as wide as {@code COLUMNS} when set (20 to 1000; picocli uses at least 55), else as wide
   * as the terminal picocli finds (it asks {@code stty} only when help is printed), else 80.
   */
  private static void helpWidth(CommandLine cli, Map<String, String> env) {
    OptionalInt columns = Terminal.columns(env);
    if (columns.isPresent()) {
      cli.setUsageHelpWidth(Math.max(55, columns.getAsInt()));
    } else {
      cli.setUsageHelpAutoWidth(true);
    }
  }
}
