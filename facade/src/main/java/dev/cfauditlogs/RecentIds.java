package dev.cfauditlogs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the records of the last pages read by offset, to drop records a shifted page boundary
 * shows again and to recognise a page the server sends again. Bounded: at least the last {@code
 * pages} pages and at least the last {@code records} records are remembered, no more, whatever the
 * number of records iterated. A record is known by its {@link #identity(AuditLog) id and bytes}.
 *
 * <p>Each page is remembered with its <em>anchor</em>: where its end was in the list when it was
 * read, minus the growth of the list up to then (see {@link PageWalker}). Adding the growth since
 * gives where its end is now when the list grows only at its head, so the anchor of the newest
 * forgotten page tells whether records no longer remembered can be on a page.
 */
final class RecentIds {
  private final int pages;
  private final int records;
  private final Deque<Page> window = new ArrayDeque<>();
  private final Map<String, Integer> held = new HashMap<>();
  private int keys;
  private long forgottenAnchor = Long.MIN_VALUE;

  private record Page(Set<String> keys, long anchor) {}

  RecentIds(int pages, int records) {
    this.pages = pages;
    this.records = records;
  }

  /**
   * Remembers the records' ids, with the page's anchor, and returns the records not seen in the
   * window, in order.
   */
  List<AuditLog> admit(List<AuditLog> page, long anchor) {
    Set<String> current = new HashSet<>(page.size() * 2);
    List<AuditLog> fresh = new ArrayList<>(page.size());
    for (AuditLog log : page) {
      String key = identity(log);
      if (held.containsKey(key) || !current.add(key)) {
        continue;
      }
      fresh.add(log);
    }
    window.addLast(new Page(current, anchor));
    for (String key : current) {
      held.merge(key, 1, Integer::sum);
    }
    keys += current.size();
    while (window.size() > pages && keys - window.peekFirst().keys().size() >= records) {
      forgetOldest();
    }
    return fresh;
  }

  /**
   * Whether these records are exactly the records of the last page admitted (same identities, in
   * any order).
   */
  boolean sameAsLastPage(List<AuditLog> page) {
    Page last = window.peekLast();
    if (last == null || last.keys().size() != page.size()) {
      return false;
    }
    for (AuditLog log : page) {
      if (!last.keys().contains(identity(log))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The anchor of the newest page forgotten ({@link Long#MIN_VALUE} while none is): its records can
   * be on a page starting before this anchor plus the growth since.
   */
  long forgottenAnchor() {
    return forgottenAnchor;
  }

  /**
   * How a record read again is recognised: its id with a hash of its bytes, else its exact JSON. A
   * record read twice (a shifted page, a boundary second read again) has the same bytes; two
   * records that share an id but not their content (seen from servers that misbehave) are two
   * records, and both are yielded.
   */
  static String identity(AuditLog log) {
    return log.id()
        .map(id -> id + '\u0000' + Integer.toHexString(log.bytesHash()))
        .orElseGet(() -> "json:" + log.json());
  }

  private void forgetOldest() {
    Page oldest = window.removeFirst();
    for (String key : oldest.keys()) {
      held.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }
    keys -= oldest.keys().size();
    forgottenAnchor = Math.max(forgottenAnchor, oldest.anchor());
  }
}
