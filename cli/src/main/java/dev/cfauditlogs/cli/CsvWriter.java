package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV with a header row and the columns of {@link FlatRecord#COLUMNS}: the fixed columns,
 * then {@code extra} holding every other field; spreadsheet-safe. When accounts are read ({@code
 * --account-id}), an {@code account_id} column comes just before {@code extra}, which stays last.
 */
final class CsvWriter implements RecordWriter {
  /** The column naming the account a record was read from. */
  static final String ACCOUNT_COLUMN = "account_id";

  private final Appendable out;
  private final @Nullable String accountId;

  /** Without an account column. */
  CsvWriter(Appendable out) {
    this(out, null);
  }

  /**
   * @param accountId the {@code account_id} of every row written, or null for no such column
   */
  CsvWriter(Appendable out, @Nullable String accountId) {
    this.out = out;
    this.accountId = accountId;
  }

  /** The header's columns, with or without {@code account_id} (before {@code extra}). */
  static List<String> columns(boolean accountColumn) {
    if (!accountColumn) {
      return FlatRecord.COLUMNS;
    }
    List<String> columns = new ArrayList<>(FlatRecord.COLUMNS);
    columns.add(columns.size() - 1, ACCOUNT_COLUMN);
    return List.copyOf(columns);
  }

  @Override
  public void begin() throws IOException {
    out.append(Csv.row(columns(accountId != null)));
  }

  @Override
  public void write(AuditLog log) throws IOException {
    List<String> values = FlatRecord.of(log.compactJson()).values();
    if (accountId != null) {
      values.add(values.size() - 1, accountId);
    }
    out.append(Csv.row(values));
  }

  @Override
  public void end() {}
}
