package com.example.reports;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;

/** Your code under test: counts the audit-log records a query matches. */
final class AuditLogReport {
  private final AuditLogsClient client;

  AuditLogReport(AuditLogsClient client) {
    this.client = client;
  }

  long count(AuditLogQuery query) {
    return client.paginate(query).stream().count();
  }
}
