package dev.cfauditlogs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of the last few pages, to drop records a shifted page boundary shows twice and to
 * recognise a page the server sends again. Bounded: memory does not grow with the number of records
 * iterated. A record without an id is known by its exact JSON.
 */
final class RecentIds {
  private final int pages;
  private final Deque<Set<String>> window = new ArrayDeque<>();

  RecentIds(int pages) {
    this.pages = pages;
  }

  /** Remembers the records' ids and returns the records not seen in the window, in order. */
  List<AuditLog> admit(List<AuditLog> records) {
    Set<String> current = new HashSet<>(records.size() * 2);
    List<AuditLog> fresh = new ArrayList<>(records.size());
    for (AuditLog log : records) {
      String key = key(log);
      if (seen(key) || !current.add(key)) {
        continue;
      }
      fresh.add(log);
    }
    window.addLast(current);
    while (window.size() > pages) {
      window.removeFirst();
    }
    return fresh;
  }

  /**
   * Whether these records are exactly the records of the last page admitted (same ids, in any
   * order).
   */
  boolean sameAsLastPage(List<AuditLog> records) {
    Set<String> last = window.peekLast();
    if (last == null || last.size() != records.size()) {
      return false;
    }
    for (AuditLog log : records) {
      if (!last.contains(key(log))) {
        return false;
      }
    }
    return true;
  }

  /** How a record is told apart from others: its id, else its exact JSON. */
  static String key(AuditLog log) {
    return log.id().orElseGet(() -> "json:" + log.json());
  }

  private boolean seen(String key) {
    for (Set<String> page : window) {
      if (page.contains(key)) {
        return true;
      }
    }
    return false;
  }
}
