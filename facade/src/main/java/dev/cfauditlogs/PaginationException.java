package dev.cfauditlogs;

/**
 * Auto-pagination stopped because the server paged inconsistently (it repeated a page, or ignored
 * {@code page}), or because the configured maximum number of pages was reached. Every record
 * yielded before this was thrown was yielded once; records after it may be missing, so treat the
 * result as incomplete.
 */
public final class PaginationException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  private final int pagesFetched;
  private final long recordsYielded;

  PaginationException(String message, int pagesFetched, long recordsYielded) {
    super(message, null);
    this.pagesFetched = pagesFetched;
    this.recordsYielded = recordsYielded;
  }

  /** How many pages were requested before stopping. */
  public int pagesFetched() {
    return pagesFetched;
  }

  /** How many records were yielded before stopping. */
  public long recordsYielded() {
    return recordsYielded;
  }
}
