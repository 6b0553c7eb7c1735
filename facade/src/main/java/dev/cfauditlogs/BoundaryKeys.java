package dev.cfauditlogs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys ({@link RecentIds#identity(AuditLog) id and bytes}) of the records already yielded that
 * a keyset query can show again: those of the boundary second (the one the window was last moved
 * to, which the next query reads again) and of the boundary before it (read again by a server whose
 * {@code before} turns out to be inclusive). Memory is the records of two seconds.
 */
final class BoundaryKeys {
  private Set<String> current = new HashSet<>();
  private Set<String> previous = new HashSet<>();

  /** The window moved to a new boundary second holding these records. */
  void moveTo(List<AuditLog> boundaryRecords) {
    previous = current;
    current = new HashSet<>();
    add(boundaryRecords);
  }

  void add(List<AuditLog> records) {
    for (AuditLog log : records) {
      current.add(RecentIds.identity(log));
    }
  }

  boolean contains(String key) {
    return current.contains(key) || previous.contains(key);
  }

  /** How many records of the current boundary second were yielded. */
  int currentSize() {
    return current.size();
  }
}
