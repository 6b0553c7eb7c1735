package dev.cfauditlogs;

/**
 * Auto-pagination stopped because the server paged inconsistently (it repeated a page, ignored
 * {@code page}, {@code since}, {@code before} or {@code direction}, or kept changing the records of
 * one second while they were read), or because the configured maximum number of pages was reached.
 * Every record yielded before this was thrown was yielded once; records after it may be missing, so
 * treat the result as incomplete.
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

  /** The page limit was reached. */
  static PaginationException pageLimit(int fetched, long yielded) {
    return new PaginationException(
        "Stopped after "
            + fetched
            + " pages, the configured maximum; "
            + yielded
            + " records were yielded. Narrow the query (since/before) or raise the page limit.",
        fetched,
        yielded);
  }

  /** The server broke paging in the way {@code what} says; nothing was yielded twice. */
  static PaginationException inconsistent(String what, int fetched, long yielded) {
    return new PaginationException(
        what
            + " Stopped without yielding duplicates after "
            + yielded
            + " records; the result may be incomplete.",
        fetched,
        yielded);
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
