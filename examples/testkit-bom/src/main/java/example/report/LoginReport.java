package example.report;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;

/** The consumer's own code that the README's tests test: counts the records a query matches. */
public final class LoginReport {
  private final AuditLogsClient client;

  public LoginReport(AuditLogsClient client) {
    this.client = client;
  }

  public long count(AuditLogQuery query) {
    return client.paginate(query).stream().count();
  }
}
