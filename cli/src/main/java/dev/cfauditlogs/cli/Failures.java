package dev.cfauditlogs.cli;

import dev.cfauditlogs.AttemptTimeoutException;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.AuthenticationException;
import dev.cfauditlogs.InvalidRequestException;
import dev.cfauditlogs.PermissionDeniedException;
import dev.cfauditlogs.RateLimitedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns every failure into a documented exit code and one or two lines on stderr that say what
 * happened and what to do; the stack trace only with {@code --verbose}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  /** A failure the CLI itself detected, with its exit code and message. */
  static class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    CliException(int exitCode, String message) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
      super(message, cause);
      this.exitCode = exitCode;
    }
  }

  static int usage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("cf-audit-logs: " + e.getMessage());
    err.println(
        "Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    int code = exitCode(e);
    err.println("cf-audit-logs: " + message(e));
    String hint = hint(e);
    if (!hint.isEmpty()) {
      err.println(hint);
    }
    traceIfVerbose(err, e, verbose(parseResult));
    err.flush();
    return code;
  }

  /**
   * With {@code --verbose}, {@code e}'s stack trace on {@code err}: after the one or two lines that
   * name a failure, whether it ended the run or one account of several. The library's messages hold
   * no secret, so neither does the trace.
   */
  static void traceIfVerbose(PrintWriter err, Throwable e, boolean verbose) {
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  static int exitCode(Throwable e) {
    if (e instanceof CliException cli) {
      return cli.exitCode;
    }
    if (e instanceof InvalidRequestException) {
      return ExitCode.USAGE;
    }
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
      return ExitCode.AUTH;
    }
    if (e instanceof RateLimitedException) {
      return ExitCode.RATE_LIMITED;
    }
    return ExitCode.FAILURE;
  }

  private static String message(Throwable e) {
    if (e instanceof UncheckedIOException io) {
      return "could not write output: " + io.getCause().getMessage();
    }
    if (e instanceof IOException io) {
      return "I/O failure: " + io.getMessage();
    }
    if (e instanceof InvalidRequestException invalid) {
      return OptionNames.message(invalid);
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  static String hint(Throwable e) {
    if (e instanceof InvalidRequestException invalid
            && invalid.parameter().startsWith("CLOUDFLARE_")
        || e instanceof InvalidRequestException none && none.parameter().equals("credentials")) {
      return "Nothing was sent. Set the environment variable and run the command again.";
    }
    if (e instanceof InvalidRequestException) {
      return "Nothing was sent. Fix the value and run the command again (--help lists the options).";
    }
    if (e instanceof AuthenticationException auth && auth.statusCode() == 400) {
      return "Cloudflare could not read the credential headers. An API token goes in"
          + " CLOUDFLARE_API_TOKEN; the Global API key goes in CLOUDFLARE_API_KEY, with the account"
          + " email in CLOUDFLARE_EMAIL.";
    }
    if (e instanceof PermissionDeniedException denied && denied.errors().isEmpty()) {
      return "Nothing was said about the credentials: try from another network, or ask whoever runs"
          + " the firewall in front of the API.";
    }
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
      return "Set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY) to credentials with"
          + " \"Account Settings Read\".";
    }
    if (e instanceof RateLimitedException) {
      return "Cloudflare allows 1200 requests per 5 minutes per user; wait, then run the command again.";
    }
    if (e instanceof AttemptTimeoutException timeout) {
      return "Try a smaller --per-page (export asks for "
          + AuditLogQuery.MAX_PER_PAGE
          + " records a page unless told), e.g. --per-page 200, or a larger --timeout than "
          + Durations.format(timeout.timeoutPerAttempt())
          + ", e.g. --timeout "
          + Durations.format(timeout.timeoutPerAttempt().multipliedBy(3))
          + ".";
    }
    if (e instanceof AuditLogsException || e instanceof CliException) {
      return "";
    }
    return "Run again with --verbose for details.";
  }

  private static boolean verbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
