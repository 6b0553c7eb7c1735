package dev.cfauditlogs.cli;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cf-audit-logs}: the subcommands and the standard help and version options. */
@Command(
    name = "cf-audit-logs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Pull Cloudflare audit logs into files, SIEMs and spreadsheets: the"
          + " user's own (GET /user/audit_logs), or accounts' with --account-id"
          + " (GET /accounts/ID/audit_logs)."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ListCommand.class,
      ExportCommand.class,
      FollowCommand.class,
      EmulatorCommand.class,
      DemoCommand.class
    },
    footer = {
      "",
      "Credentials: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY.",
      "API: --base-url, else CLOUDFLARE_BASE_URL, else",
      "  https://api.cloudflare.com/client/v4",
      "",
      "Exit codes: 0 success; 2 invalid usage or input (nothing was sent);"
          + " 3 authentication or permission; 4 rate-limited beyond retries; 5 any"
          + " other API or network failure. Standard output closed by its reader:"
          + " 0.",
      "",
      "Try it without an account:  cf-audit-logs demo",
      "Shell completion (bash, zsh):  source <(cf-audit-logs generate-completion)"
    })
final class RootCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;
  private final Clock clock;
  private final @Nullable StandardOutput stdout;

  RootCommand(Map<String, String> env, Clock clock, @Nullable StandardOutput stdout) {
    this.env = env;
    this.clock = clock;
    this.stdout = stdout;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing a command: list, export, follow, emulator, demo or " + Main.COMPLETION + ".");
  }

  Map<String, String> env() {
    return env;
  }

  /** The local clock, read once per run for relative {@code --since}/{@code --before}. */
  Clock clock() {
    return clock;
  }

  /**
   * What a command ends with when writing to standard output failed: exit 0 when the reader closed
   * the pipe, else 5.
   */
  Failures.CliException stdoutFailure() {
    return stdoutFailure(OptionalLong.empty());
  }

  /**
   * Like {@link #stdoutFailure()}, saying how many records had been written to standard output
   * before, when known.
   */
  Failures.CliException stdoutFailure(OptionalLong records) {
    return stdout != null
        ? stdout.failure(records)
        : new Failures.CliException(
            ExitCode.FAILURE, "could not write to standard output" + StandardOutput.after(records));
  }
}
