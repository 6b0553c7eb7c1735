package dev.cfauditlogs.testkit;

/**
 * How the emulator pages results. Everything but {@link #NORMAL} imitates a server bug that has
 * made real auto-paginators loop forever, stop early or burn the rate limit, so that clients can be
 * tested against it.
 */
public enum PaginationMode {
  /**
   * Pages as documented: {@code page} N holds records {@code (N-1)*per_page} onwards; past the end
   * is empty.
   */
  NORMAL,

  /**
   * Ignores {@code page}: every request is answered with page 1, and {@code result_info.page} says
   * 1. A client that stops only on an empty page never stops.
   */
  IGNORES_PAGE,

  /**
   * Pages past the end repeat the last non-empty page instead of being empty; {@code
   * result_info.page} echoes the requested page and {@code total_pages} stays truthful. A client
   * that stops only on an empty page never stops.
   */
  REPEATS_LAST_PAGE,

  /**
   * {@code result_info.total_pages} claims ten times the real number of pages plus ten, and {@code
   * total_count} matches that claim; the records served are right and pages past the real end are
   * empty. A client that trusts {@code total_pages} sends many needless requests.
   */
  LIES_IN_TOTAL_PAGES,

  /**
   * {@code result_info.total_pages} always says 1 and {@code total_count} says only the records of
   * the page served, while further pages hold more records. A client that trusts {@code
   * total_pages} stops after the first page and misses data.
   */
  UNDERSTATES_TOTAL_PAGES
}
