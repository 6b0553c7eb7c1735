package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.ClockSkew;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
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
      description = {
        // the URL starts a line of its own, so that no help width splits it
        "API base URL (default: CLOUDFLARE_BASE_URL, else",
        "https://api.cloudflare.com/client/v4)."
      })
  @Nullable String baseUrl;

  @Option(
      names = "--allow-insecure-http",
      description =
          "Allow a plain http:// base URL to a host other than this machine: the credentials then"
              + " cross the network unencrypted (test rigs on private networks only).")
  boolean allowInsecureHttp;

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
      converter = Durations.Timeout.class)
  Duration timeout = Duration.ofSeconds(60);

  @Option(names = "--verbose", description = "Show stack traces and debug details of failures.")
  boolean verbose;

  private final AtomicBoolean skewSaid = new AtomicBoolean();

  AuditLogsClient client(Map<String, String> env) {
    return builder(env, null).build();
  }

  /** A client that reports a large clock skew once on {@code err}; see the next method. */
  AuditLogsClient client(Map<String, String> env, PrintWriter err) {
    return client(env, err, null);
  }

  /**
   * A client that shares {@code http}'s connection pool and dispatcher, when given, and says on
   * {@code err}, once, when the server's clock differs from this machine's by more than a minute
   * (the window does not depend on it; relative times a user computes do).
   */
  AuditLogsClient client(Map<String, String> env, PrintWriter err, @Nullable OkHttpClient http) {
    return builder(env, http)
        .onClockSkew(
            skew -> {
              if (skewSaid.compareAndSet(false, true)) { // once a run, though follow makes a
                // client a pass
                err.println(skewNote(skew));
              }
            })
        .build();
  }

  /**
   * A client that shares {@code http}'s connection pool and dispatcher and says nothing itself of a
   * clock skew (for {@code follow}, whose follower reports it).
   */
  AuditLogsClient client(Map<String, String> env, OkHttpClient http) {
    return builder(env, http).build();
  }

  /** The note on stderr about a large clock skew. */
  static String skewNote(ClockSkew skew) {
    return "cf-audit-logs: note: "
        + skew
        + "; every record is read whatever the clocks say, but --since/--before"
        + " are compared with the server's clock";
  }

  private AuditLogsClient.Builder builder(Map<String, String> env, @Nullable OkHttpClient http) {
    Prewarm.awaitClassesReady();
    AuditLogsClient.Builder builder =
        AuditLogsClient.builder()
            .environment(env)
            .allowInsecureHttp(allowInsecureHttp)
            .maxRetries(maxRetries)
            .timeout(timeout)
            .okHttpClient(http);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return builder;
  }
}
