package dev.cfauditlogs;

import dev.cfauditlogs.generated.model.ObservedResultInfo;

/** Combines what the body said with what was asked for into an {@link AuditLogPage}. */
final class PageFacts {
  private PageFacts() {}

  static AuditLogPage toPage(AuditLogQuery query, RetryingCaller.Outcome outcome) {
    PageDecoder.Body body = outcome.body();
    ObservedResultInfo info = body.resultInfo();
    int requestedPage = query.page().orElse(1);
    int requestedPerPage = query.perPage().orElse(AuditLogQuery.DEFAULT_PER_PAGE);
    Long page = info == null ? null : PageDecoder.wholeNumber(info.getPage());
    Long perPage = info == null ? null : PageDecoder.wholeNumber(info.getPerPage());
    Long count = info == null ? null : PageDecoder.wholeNumber(info.getCount());
    Long totalCount = info == null ? null : PageDecoder.wholeNumber(info.getTotalCount());
    Long totalPages = info == null ? null : PageDecoder.wholeNumber(info.getTotalPages());
    return new AuditLogPage(
        body.records(),
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
