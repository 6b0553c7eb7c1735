package dev.cfauditlogs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoint of a pass in progress: what has been delivered so far, updated record by record,
 * and taken as a {@link SyncCheckpoint} after each page.
 */
final class SyncProgress {
  private final String scope;
  private final Map<String, String> filters;
  private @Nullable Instant newest;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  /**
   * A hash of the bytes of the records delivered by this run, by key (not saved: a checkpoint read
   * back knows keys only), to tell a record read again from another record with the same key.
   */
  private final Map<String, Integer> bytes = new HashMap<>();

  SyncProgress(SyncCheckpoint from) {
    this.scope = from.scope();
    this.filters = from.filters();
    this.newest = from.newestWhen().orElse(null);
    this.seen.putAll(from.recentIds());
  }

  @Nullable Instant newest() {
    return newest;
  }

  boolean seen(String key) {
    return seen.containsKey(key);
  }

  /**
   * The key to deliver {@code log} under, or null when it was delivered before: its {@link
   * SyncCheckpoint#keyOf key}, unless a record with that key but other bytes was delivered by this
   * run (seen from servers that misbehave), then its key with a hash of its bytes. A key from a
   * checkpoint read back, whose bytes are unknown, means the record was delivered.
   */
  @Nullable String keyToDeliver(AuditLog log) {
    String key = SyncCheckpoint.keyOf(log);
    if (!seen.containsKey(key)) {
      return key;
    }
    Integer first = bytes.get(key);
    if (first == null || first == log.bytesHash()) {
      return null;
    }
    String other = RecentIds.identity(log);
    return seen.containsKey(other) ? null : other;
  }

  int seenCount() {
    return seen.size();
  }

  /** Records that a record was delivered, with no server time to compare its {@code when} with. */
  void add(String key, Instant when) {
    add(key, when, null);
  }

  /**
   * Records that a record was delivered. The checkpoint moves to its {@code when}, but never past
   * {@code serverTime} (the {@code Date} of the response that carried it, when sent): a record
   * stamped in the future — seen from servers that misbehave — would otherwise move the checkpoint
   * to where no later record can follow it. Such a record stays remembered by its id until the
   * checkpoint passes its {@code when}, so it is delivered once.
   */
  void add(String key, Instant when, @Nullable Instant serverTime) {
    seen.put(key, when);
    Instant moveTo = serverTime != null && when.isAfter(serverTime) ? serverTime : when;
    if (newest == null || moveTo.isAfter(newest)) {
      newest = moveTo;
    }
  }

  /**
   * Records that a record without a usable {@code when} was delivered: it is remembered as if it
   * were at the newest {@code when} (so it is forgotten with the records of that time), and does
   * not move the checkpoint.
   */
  void remember(String key) {
    seen.put(key, newest != null ? newest : Instant.EPOCH);
  }

  /**
   * Forgets records older than the look-back window before the newest. Records remembered before
   * any {@code when} was known (stamped {@link Instant#EPOCH}) are first moved to the newest, so a
   * when-less record that came first in a run is not forgotten at once.
   */
  void prune(Duration lookback) {
    if (newest == null) {
      return;
    }
    Instant now = newest;
    seen.replaceAll((key, when) -> when.equals(Instant.EPOCH) ? now : when);
    Instant horizon = newest.minus(lookback);
    seen.values().removeIf(when -> when.isBefore(horizon));
    bytes.keySet().retainAll(seen.keySet());
  }

  /** Notes the bytes of the record delivered under {@code key} ({@link #keyToDeliver}). */
  void delivered(String key, AuditLog log) {
    bytes.putIfAbsent(key, log.bytesHash());
  }

  SyncCheckpoint checkpoint() {
    return new SyncCheckpoint(scope, filters, newest, seen);
  }
}
