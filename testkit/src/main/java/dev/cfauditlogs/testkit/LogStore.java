package dev.cfauditlogs.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The emulator's records, kept sorted in ascending served order; safe for the server's connection
 * threads and the live-append thread at once.
 */
final class LogStore {
  /** Live and explicit appends stop adding records past this many, so memory stays bounded. */
  static final int MAX_RECORDS = 1_000_000;

  private final List<EmulatedLog> ascending = new ArrayList<>();

  LogStore(List<EmulatedLog> initial) {
    ascending.addAll(initial);
    ascending.sort(EmulatedLog.ASCENDING);
  }

  /** Adds a record in its place; false when the store is full. */
  synchronized boolean add(EmulatedLog log) {
    if (ascending.size() >= MAX_RECORDS) {
      return false;
    }
    // After any equal key, so records appended later with the same when and id come later in
    // ascending order.
    int low = 0;
    int high = ascending.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (EmulatedLog.ASCENDING.compare(ascending.get(mid), log) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    ascending.add(low, log);
    return true;
  }

  /** Removes the {@code count} oldest records (by {@code when}, then id); returns how many. */
  synchronized int removeOldest(int count) {
    int removed = Math.min(Math.max(0, count), ascending.size());
    ascending.subList(0, removed).clear();
    return removed;
  }

  /** Every record that passes the query's filters, in the order the query asks for. */
  synchronized List<EmulatedLog> select(LogQuery query) {
    List<EmulatedLog> out = new ArrayList<>();
    for (EmulatedLog log : ascending) {
      if (query.matches(log)) {
        out.add(log);
      }
    }
    if (!query.ascending) {
      Collections.reverse(out);
    }
    return out;
  }

  synchronized int size() {
    return ascending.size();
  }
}
