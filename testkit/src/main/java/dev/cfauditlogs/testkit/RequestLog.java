package dev.cfauditlogs.testkit;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the emulator received: the most recent requests (bounded) and a count of every status
 * answered.
 */
final class RequestLog {
  /** How many recent requests are kept for {@link AuditLogEmulator#requests()}. */
  static final int MAX_KEPT = 10_000;

  private final ArrayDeque<ReceivedRequest> recent = new ArrayDeque<>();
  private final Map<Integer, Integer> statusCounts = new TreeMap<>();
  private int total;

  synchronized void add(ReceivedRequest request) {
    if (recent.size() == MAX_KEPT) {
      recent.removeFirst();
    }
    recent.addLast(request);
    statusCounts.merge(request.status(), 1, Integer::sum);
    total++;
  }

  synchronized List<ReceivedRequest> requests() {
    return List.copyOf(recent);
  }

  synchronized Map<Integer, Integer> statusCounts() {
    return Collections.unmodifiableMap(new TreeMap<>(statusCounts));
  }

  synchronized int total() {
    return total;
  }
}
