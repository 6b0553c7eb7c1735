package dev.cfauditlogs;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every matching record, page by page: the page view of an {@link AuditLogPager}, obtained from
 * {@link AuditLogPager#pages()}, with the same settings and guarantees. Creating it sends nothing;
 * each {@link #iterator()} or {@link #stream()} is a new iteration that starts at the query's first
 * page. Close what you stop early: the {@link AuditLogPageCursor}, or the stream.
 */
public final class AuditLogPages implements Iterable<AuditLogPage> {
  private final Supplier<PageStream> walkers;

  AuditLogPages(Supplier<PageStream> walkers) {
    this.walkers = walkers;
  }

  /** A new iteration over the pages. Close it if you stop early. */
  @Override
  public AuditLogPageCursor iterator() {
    return new AuditLogPageCursor(walkers.get());
  }

  /**
   * A new iteration as a sequential stream of pages; closing the stream stops all work (requests in
   * flight are cancelled, none follows).
   */
  public Stream<AuditLogPage> stream() {
    AuditLogPageCursor cursor = iterator();
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cursor::close);
  }
}
