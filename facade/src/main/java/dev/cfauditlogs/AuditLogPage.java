package dev.cfauditlogs;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One page of audit logs, with the page facts and the response facts.
 *
 * <p>When Cloudflare sends {@code result_info}, {@link #page()}, {@link #perPage()} and {@link
 * #count()} are its values and {@link #totalCount()}/{@link #totalPages()} are present. When it
 * does not (as in its documented example), they are the requested page (1 when none was asked for),
 * the requested {@code per_page} ({@value AuditLogQuery#DEFAULT_PER_PAGE} when none), and the
 * number of records received; the totals are empty.
 *
 * <p>An element of {@code result} that is not a record (not a JSON object, or not valid JSON) does
 * not fail the page: it is left out of {@link #records()} and described in {@link #skipped()}.
 */
public final class AuditLogPage {
  private final List<AuditLog> records;
  private final List<SkippedElement> skipped;
  private final int skippedCount;
  private final int page;
  private final int perPage;
  private final int count;
  private final @Nullable Long totalCount;
  private final @Nullable Integer totalPages;
  private final ResponseInfo response;
  private final boolean factsFromServer;

  AuditLogPage(
      List<AuditLog> records,
      List<SkippedElement> skipped,
      int skippedCount,
      int page,
      int perPage,
      int count,
      @Nullable Long totalCount,
      @Nullable Integer totalPages,
      ResponseInfo response,
      boolean factsFromServer) {
    this.records = List.copyOf(records);
    this.skipped = List.copyOf(skipped);
    this.skippedCount = skippedCount;
    this.page = page;
    this.perPage = perPage;
    this.count = count;
    this.totalCount = totalCount;
    this.totalPages = totalPages;
    this.response = response;
    this.factsFromServer = factsFromServer;
  }

  /** This page with only the given records (those not yielded before, during pagination). */
  AuditLogPage withRecords(List<AuditLog> kept) {
    return new AuditLogPage(
        kept,
        skipped,
        skippedCount,
        page,
        perPage,
        count,
        totalCount,
        totalPages,
        response,
        factsFromServer);
  }

  /** Whether page, per_page and count came from the server's {@code result_info}. */
  boolean factsFromServer() {
    return factsFromServer;
  }

  /** The records of this page, in the order the API sent them. */
  public List<AuditLog> records() {
    return records;
  }

  /**
   * The elements of {@code result} that were not records and were skipped (the first {@value
   * PageElements#MAX_DESCRIBED}; {@link #skippedCount()} counts them all), in order.
   */
  public List<SkippedElement> skipped() {
    return skipped;
  }

  /** How many elements of {@code result} were not records and were skipped. */
  public int skippedCount() {
    return skippedCount;
  }

  /** The page number. */
  public int page() {
    return page;
  }

  /** The page size. */
  public int perPage() {
    return perPage;
  }

  /** The number of records on this page. */
  public int count() {
    return count;
  }

  /** The total number of matching records, when the API said. */
  public OptionalLong totalCount() {
    return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
  }

  /** The total number of pages, when the API said. */
  public OptionalInt totalPages() {
    return totalPages == null ? OptionalInt.empty() : OptionalInt.of(totalPages);
  }

  /** Facts about the HTTP response: status, {@code cf-ray}, rate-limit headers. */
  public ResponseInfo response() {
    return response;
  }

  @Override
  public String toString() {
    return "AuditLogPage{page="
        + page
        + ", perPage="
        + perPage
        + ", count="
        + count
        + ", records="
        + records.size()
        + (skippedCount == 0 ? "" : ", skipped=" + skippedCount)
        + ", totalCount="
        + totalCount
        + ", totalPages="
        + totalPages
        + ", "
        + response
        + '}';
  }
}
