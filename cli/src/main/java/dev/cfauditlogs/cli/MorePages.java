package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogPage;
import java.util.Optional;

/**
 * What {@code list} says on stderr when the page it printed may not be the last: how many pages and
 * records there are (from {@code result_info}, when the API sent it), or that more may exist (a
 * full page without {@code result_info}), and that {@code export} fetches them all.
 */
final class MorePages {
  private MorePages() {}

  static Optional<String> note(AuditLogPage page) {
    int shown = page.records().size();
    String next =
        "; 'cf-audit-logs export' with the same filters fetches them all (or list --page "
            + (page.page() + 1)
            + " the next page).";
    if (page.totalPages().isPresent() || page.totalCount().isPresent()) {
      long total = page.totalCount().orElse(-1);
      int perPage = Math.max(1, page.perPage());
      int pages =
          page.totalPages().isPresent()
              ? page.totalPages().getAsInt()
              : (int) Math.min(Integer.MAX_VALUE, (total + perPage - 1) / perPage);
      if (page.page() >= pages) {
        return Optional.empty();
      }
      return Optional.of(
          "cf-audit-logs: printed page "
              + page.page()
              + " of "
              + pages
              + " ("
              + shown
              + " records"
              + (total >= 0 ? " of " + total : "")
              + ")"
              + next);
    }
    if (shown == 0 || shown < page.perPage()) {
      return Optional.empty();
    }
    return Optional.of(
        "cf-audit-logs: printed page "
            + page.page()
            + " ("
            + shown
            + " records, a full page); more may exist, the API did not say how many"
            + next);
  }
}
