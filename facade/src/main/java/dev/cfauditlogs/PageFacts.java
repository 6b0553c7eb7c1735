package dev.cfauditlogs;

/** Combines what the body said with what was asked for into an {@link AuditLogPage}. */
final class PageFacts {
  private PageFacts() {}

  static AuditLogPage toPage(AuditLogQuery query, RetryingCaller.Outcome outcome) {
    PageDecoder.Body body = outcome.body();
    PageDecoder.ResultInfo info = body.resultInfo();
    int requestedPage = query.page().orElse(1);
    int requestedPerPage = query.perPage().orElse(AuditLogQuery.DEFAULT_PER_PAGE);
    Long page = info == null ? null : info.page();
    Long perPage = info == null ? null : info.perPage();
    Long count = info == null ? null : info.count();
    Long totalCount = info == null ? null : info.totalCount();
    Long totalPages = info == null ? null : info.totalPages();
    return new AuditLogPage(
        body.records(),
        body.result().skipped,
        body.result().skippedCount,
        asInt(page, requestedPage),
        asInt(perPage, requestedPerPage),
        asInt(count, body.records().size()),
        totalCount,
        totalPages == null || totalPages > Integer.MAX_VALUE ? null : totalPages.intValue(),
        outcome.info(),
        page != null && perPage != null);
  }

  private static int asInt(Long value, int fallback) {
    return value == null || value > Integer.MAX_VALUE ? fallback : value.intValue();
  }
}
