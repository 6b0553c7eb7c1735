package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogsClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where and how to connect: shared by list, export and follow. Credentials only come from the
 * environment.
 */
final class ConnectionOptions {
  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "API base URL (default: CLOUDFLARE_BASE_URL, else https://api.cloudflare.com/client/v4).")
  @Nullable String baseUrl;

  @Option(
      names = "--max-retries",
      paramLabel = "N",
      description = "Retries of a failed request (0-10, default ${DEFAULT-VALUE}).",
      defaultValue = "2")
  int maxRetries;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Time limit per attempt, e.g. 30s or 2m (default ${DEFAULT-VALUE}).",
      defaultValue = "60s",
      converter = Durations.class)
  Duration timeout = Duration.ofSeconds(60);

  @Option(names = "--verbose", description = "Show stack traces and debug details of failures.")
  boolean verbose;

  AuditLogsClient client(Map<String, String> env) {
    return builder(env).build();
  }

  /**
   * A client that says on {@code err}, once, when the server's clock differs from this machine's by
   * more than a minute (the window does not depend on it; relative times a user computes do).
   */
  AuditLogsClient client(Map<String, String> env, PrintWriter err) {
    return builder(env)
        .onClockSkew(
            skew ->
                err.println(
                    "cf-audit-logs: note: "
                        + skew
                        + "; every record is read whatever the clocks say, but --since/--before"
                        + " are compared with the server's clock"))
        .build();
  }

  private AuditLogsClient.Builder builder(Map<String, String> env) {
    AuditLogsClient.Builder builder =
        AuditLogsClient.builder().environment(env).maxRetries(maxRetries).timeout(timeout);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return builder;
  }
}
