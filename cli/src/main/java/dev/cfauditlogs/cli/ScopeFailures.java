package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.AuthenticationException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The failures of the scopes (accounts) of one run: each named on stderr when it happens (with its
 * stack trace under {@code --verbose}, as {@link Failures} does for a single log), then one summary
 * line and the exit code of the worst (the highest of {@link ExitCode}: 5 other failure, 4
 * rate-limited, 3 authentication or permission).
 *
 * <p>A failure of the credentials ({@link #ofTheCredentials}) is every scope's, not the account's:
 * it is said once, the scopes not yet started are not tried ({@link #notTried}), the same failure
 * of scopes already in flight is not said again, and the run ends with its exit code. Thread-safe.
 */
final class ScopeFailures {
  private final String command;
  private final PrintWriter err;
  private final boolean verbose;
  private final Map<AuditLogScope, AuditLogsException> failures = new LinkedHashMap<>();
  private @Nullable AuditLogsException credentials;
  private int notTried;

  /**
   * @param command the command as the summary names it, such as {@code export}
   * @param verbose whether each failure is followed by its stack trace ({@code --verbose})
   */
  ScopeFailures(String command, PrintWriter err, boolean verbose) {
    this.command = command;
    this.err = err;
    this.verbose = verbose;
  }

  /**
   * Whether {@code failure} is the credentials' rather than one account's: HTTP 401, or a 400 whose
   * Cloudflare codes say the credential headers are malformed (both {@link
   * AuthenticationException}, as the library maps them). A 403 (code 9109: this account is denied)
   * is the account's.
   */
  static boolean ofTheCredentials(AuditLogsException failure) {
    return failure instanceof AuthenticationException;
  }

  /**
   * Records that {@code scope} failed and names it, with what happened, on stderr; a failure of the
   * credentials only the first time.
   */
  synchronized void failed(AuditLogScope scope, AuditLogsException failure) {
    failures.put(scope, failure);
    if (ofTheCredentials(failure)) {
      if (credentials != null) {
        return; // the same credentials, already said
      }
      credentials = failure;
    }
    synchronized (err) {
      err.println("cf-audit-logs: " + scope + ": " + oneLine(failure));
      Failures.traceIfVerbose(err, failure, verbose);
      err.flush();
    }
  }

  /** Whether the credentials failed: then no further scope is tried. */
  synchronized boolean credentialsFailed() {
    return credentials != null;
  }

  /** Records that {@code scope} was not tried, because the credentials had failed. */
  synchronized void notTried(AuditLogScope scope) {
    notTried++;
  }

  /** Forgets an earlier failure of {@code scope}, which now worked. */
  synchronized void recovered(AuditLogScope scope) {
    failures.remove(scope);
  }

  synchronized boolean failed(AuditLogScope scope) {
    return failures.containsKey(scope);
  }

  synchronized int count() {
    return failures.size();
  }

  /**
   * {@link ExitCode#OK} when nothing failed, the credentials' exit code when they failed, else the
   * highest exit code of the failures.
   */
  synchronized int exitCode() {
    if (credentials != null) {
      return Failures.exitCode(credentials);
    }
    int worst = ExitCode.OK;
    for (AuditLogsException e : failures.values()) {
      worst = Math.max(worst, Failures.exitCode(e));
    }
    return worst;
  }

  /**
   * Prints the one summary line: {@code COMMAND: N of M logs exported (R records); K failed: id
   * (exit 3), ...} — after a failure of the credentials {@code COMMAND: stopped: the credentials
   * were refused, so K of M accounts were not tried; N of M logs ...} (without the accounts not
   * tried when there are none) — and the hint of the worst failure (of the credentials' when they
   * failed); returns the exit code.
   */
  synchronized int summarize(int scopes, long records, String what) {
    StringBuilder line = new StringBuilder("cf-audit-logs: ").append(command).append(": ");
    if (credentials != null && notTried == 0) { // refused while every account was being read
      line.append("stopped: the credentials were refused; ");
    } else if (credentials != null) {
      line.append("stopped: the credentials were refused, so ")
          .append(notTried)
          .append(" of ")
          .append(scopes)
          .append(notTried == 1 ? " accounts was" : " accounts were")
          .append(" not tried; ");
    }
    line.append(scopes - failures.size() - notTried)
        .append(" of ")
        .append(scopes)
        .append(scopes == 1 ? " log " : " logs ")
        .append(what)
        .append(" (")
        .append(records)
        .append(records == 1 ? " record)" : " records)");
    AuditLogsException worst = null;
    if (!failures.isEmpty()) {
      List<String> named = new ArrayList<>();
      for (Map.Entry<AuditLogScope, AuditLogsException> f : failures.entrySet()) {
        int code = Failures.exitCode(f.getValue());
        named.add(f.getKey() + " (exit " + code + ")");
        if (worst == null || code > Failures.exitCode(worst)) {
          worst = f.getValue();
        }
      }
      if (credentials != null) {
        worst = credentials;
      }
      line.append("; ")
          .append(failures.size())
          .append(" failed: ")
          .append(String.join(", ", named));
    }
    synchronized (err) {
      err.println(line);
      if (worst != null) {
        String hint = Failures.hint(worst);
        if (!hint.isEmpty()) {
          err.println(hint);
        }
      }
      err.flush();
    }
    return exitCode();
  }

  static String oneLine(RuntimeException e) {
    String message = e.getMessage();
    return (message == null ? e.getClass().getSimpleName() : message)
        .replaceAll("\\s+", " ")
        .strip();
  }
}
