package example.modular;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.generated.model.AaaAuditLogs;

/**
 * Reads one page from the server at CLOUDFLARE_BASE_URL through the typed model, and says which
 * modules the library and its generated model were loaded from.
 */
public final class FirstPage {
  public static void main(String[] args) {
    try (AuditLogsClient client = AuditLogsClient.fromEnv()) {
      AuditLogPage page = client.list(AuditLogQuery.builder().perPage(25).build());
      long typed = 0;
      for (AuditLog log : page.records()) {
        AaaAuditLogs model = log.model(); // the generated model, readable through dev.cfauditlogs
        if (model.id().isPresent() && model.action().isPresent()) {
          typed++;
        }
      }
      System.out.println(
          "read "
              + page.records().size()
              + " records, "
              + typed
              + " typed, in "
              + FirstPage.class.getModule()
              + " with "
              + AuditLogsClient.class.getModule()
              + " and "
              + AaaAuditLogs.class.getModule());
    }
  }
}
