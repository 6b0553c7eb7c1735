package dev.cfauditlogs.testkit;

import java.util.List;

/** The records of one served page and the {@code result_info} numbers reported with them. */
final class PageSlice {
  final List<EmulatedLog> items;
  final long page;
  final int perPage;
  final long totalCount;
  final long totalPages;

  private PageSlice(
      List<EmulatedLog> items, long page, int perPage, long totalCount, long totalPages) {
    this.items = items;
    this.page = page;
    this.perPage = perPage;
    this.totalCount = totalCount;
    this.totalPages = totalPages;
  }

  /**
   * Cuts page {@code page} of {@code perPage} out of every matching record, as {@code mode}
   * dictates.
   */
  static PageSlice of(List<EmulatedLog> all, long page, int perPage, PaginationMode mode) {
    int total = all.size();
    long realPages = (total + (long) perPage - 1) / perPage;
    switch (mode) {
      case IGNORES_PAGE:
        return new PageSlice(cut(all, 1, perPage), 1, perPage, total, realPages);
      case REPEATS_LAST_PAGE:
        long served = page > realPages && realPages > 0 ? realPages : page;
        return new PageSlice(cut(all, served, perPage), page, perPage, total, realPages);
      case LIES_IN_TOTAL_PAGES:
        long claimedPages = realPages * 10 + 10;
        return new PageSlice(
            cut(all, page, perPage), page, perPage, claimedPages * perPage, claimedPages);
      case UNDERSTATES_TOTAL_PAGES:
        List<EmulatedLog> items = cut(all, page, perPage);
        return new PageSlice(items, page, perPage, items.size(), total == 0 ? 0 : 1);
      case NORMAL:
      default:
        return new PageSlice(cut(all, page, perPage), page, perPage, total, realPages);
    }
  }

  private static List<EmulatedLog> cut(List<EmulatedLog> all, long page, int perPage) {
    long from = (page - 1) * perPage;
    if (page - 1 > all.size() / perPage || from >= all.size()) {
      return List.of();
    }
    int start = (int) from;
    return all.subList(start, Math.min(all.size(), start + perPage));
  }
}
