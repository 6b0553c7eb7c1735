package dev.cfauditlogs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Iterates disjoint time windows one after the other (each a {@link PageWalker}, started only when
 * the one before it has ended), as one stream of pages.
 */
final class SegmentedPages implements PageStream {
  private final Deque<Supplier<PageWalker>> pending;
  private @Nullable PageWalker current;
  private long yieldedBefore;
  private long totalBefore;
  private boolean totalsKnown = true;
  private boolean closed;

  SegmentedPages(List<Supplier<PageWalker>> segments) {
    this.pending = new ArrayDeque<>(segments);
  }

  @Override
  public @Nullable AuditLogPage next() {
    while (!closed) {
      if (current == null) {
        Supplier<PageWalker> nextSegment = pending.pollFirst();
        if (nextSegment == null) {
          return null;
        }
        current = nextSegment.get();
      }
      AuditLogPage page = current.next();
      if (page != null) {
        return page;
      }
      yieldedBefore += current.yielded();
      OptionalLong total = current.totalCount();
      if (total.isPresent()) {
        totalBefore += total.getAsLong();
      } else {
        totalsKnown = false;
      }
      current = null;
    }
    return null;
  }

  @Override
  public OptionalLong totalCount() {
    OptionalLong currentTotal = current == null ? OptionalLong.of(0) : current.totalCount();
    if (!totalsKnown || currentTotal.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(totalBefore + currentTotal.getAsLong());
  }

  @Override
  public long yielded() {
    return yieldedBefore + (current == null ? 0 : current.yielded());
  }

  @Override
  public void close() {
    closed = true;
    pending.clear();
    if (current != null) {
      current.close();
    }
  }
}
