package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.AuditLogsException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failures of the scopes (accounts) of one run that did not stop the others: each named on
 * stderr when it happens, then one summary line and the exit code of the worst (the highest of
 * {@link ExitCode}: 5 other failure, 4 rate-limited, 3 authentication or permission). Thread-safe.
 */
final class ScopeFailures {
  private final String command;
  private final PrintWriter err;
  private final Map<AuditLogScope, AuditLogsException> failures = new LinkedHashMap<>();

  ScopeFailures(String command, PrintWriter err) {
    this.command = command;
    this.err = err;
  }

  /** Records that {@code scope} failed and names it, with what happened, on stderr. */
  synchronized void failed(AuditLogScope scope, AuditLogsException failure) {
    failures.put(scope, failure);
    synchronized (err) {
      err.println("cf-audit-logs: " + scope + ": " + oneLine(failure));
      err.flush();
    }
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

  /** {@link ExitCode#OK} when nothing failed, else the highest exit code of the failures. */
  synchronized int exitCode() {
    int worst = ExitCode.OK;
    for (AuditLogsException e : failures.values()) {
      worst = Math.max(worst, Failures.exitCode(e));
    }
    return worst;
  }

  /**
   * Prints the one summary line: {@code COMMAND: N of M accounts complete (R records); K failed: id
   * (exit 3), ...}, and the hint of the worst failure; returns the exit code.
   */
  synchronized int summarize(int scopes, long records, String what) {
    StringBuilder line =
        new StringBuilder("cf-audit-logs: ")
            .append(command)
            .append(": ")
            .append(scopes - failures.size())
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
