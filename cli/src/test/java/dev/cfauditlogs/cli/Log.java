package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The two logs the end-to-end tests run for (issue 15): the user's own ({@code GET
 * /user/audit_logs}, no option) and one account's ({@code --account-id}). A test parameterized with
 * it runs the same commands and assertions for both.
 */
enum Log {
  USER,
  ACCOUNT;

  /** The account of {@link #ACCOUNT}; an emulator serving it needs {@code .accounts(ID)}. */
  static final String ID = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";

  AuditLogScope scope() {
    return this == USER ? AuditLogScope.user() : AuditLogScope.account(ID);
  }

  /** A query of this log. */
  AuditLogQuery.Builder query() {
    return AuditLogQuery.builder().scope(scope());
  }

  /** {@code args}, with {@code --account-id ID} after the command for {@link #ACCOUNT}. */
  String[] args(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (this == ACCOUNT) {
      all.addAll(1, List.of("--account-id", ID));
    }
    return all.toArray(String[]::new);
  }

  /**
   * The CSV columns of a single output of this log: {@code account_id} before extra for ACCOUNT.
   */
  List<String> csvColumns() {
    return CsvWriter.columns(this == ACCOUNT);
  }
}
