package dev.cfauditlogs;

import java.time.Duration;
import java.time.Instant;
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
  }

  SyncCheckpoint checkpoint() {
    return new SyncCheckpoint(scope, filters, newest, seen);
  }
}
