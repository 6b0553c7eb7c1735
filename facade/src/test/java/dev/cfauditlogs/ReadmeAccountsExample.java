package dev.cfauditlogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The README's account examples, compiled by the build; {@link ReadmeAccountsExampleTest} checks
 * that the README shows exactly this code and runs it. Arguments: account ids.
 */
final class ReadmeAccountsExample {
  private ReadmeAccountsExample() {}

  public static void main(String[] args) throws IOException {
    List<String> accountIds = List.of(args);
    // ACCOUNT-LIST-START
    try (AuditLogsClient client = AuditLogsClient.fromEnv()) { // one client, one rate budget
      for (String accountId : accountIds) { // such as 023e105f4ecef8ad9ca31a8372d0c353
        AuditLogQuery query =
            AuditLogQuery.builder()
                .accountId(accountId) // GET /accounts/{account_id}/audit_logs
                .actionType("change_setting")
                .build();
        try {
          for (AuditLog log : client.paginate(query)) {
            System.out.println(accountId + " " + log.compactJson());
          }
        } catch (PermissionDeniedException e) { // 403, code 9109: not readable with these
          System.err.println("account " + accountId + ": " + e.getMessage());
        }
      }
    }
    // ACCOUNT-LIST-END
    followEveryAccountOnce(accountIds);
  }

  static void followEveryAccountOnce(List<String> accountIds) throws IOException {
    // ACCOUNT-SYNC-START
    Path checkpointFile = Path.of("accounts.ckpt"); // one checkpoint per account, one file
    AtomicReference<SyncCheckpoints> saved =
        new AtomicReference<>(SyncCheckpoints.load(checkpointFile).orElse(SyncCheckpoints.empty()));
    try (AuditLogsClient client = AuditLogsClient.fromEnv()) {
      for (String accountId : accountIds) {
        AuditLogQuery query = AuditLogQuery.builder().accountId(accountId).build();
        SyncCheckpoint from =
            saved.get().get(query.scope()).orElseGet(() -> SyncCheckpoint.start(query));
        Path recordsFile = Path.of(accountId + ".jsonl");
        try {
          AuditLogFollower.builder(client, query)
              .build()
              .poll(
                  from,
                  (records, checkpoint) -> {
                    StringBuilder lines = new StringBuilder();
                    records.forEach(log -> lines.append(log.compactJson()).append('\n'));
                    Files.writeString(
                        recordsFile, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    saved.updateAndGet(all -> all.with(checkpoint)).save(checkpointFile);
                  });
        } catch (PermissionDeniedException e) { // the other accounts go on
          System.err.println("account " + accountId + ": " + e.getMessage());
        }
      }
    }
    // ACCOUNT-SYNC-END
  }
}
