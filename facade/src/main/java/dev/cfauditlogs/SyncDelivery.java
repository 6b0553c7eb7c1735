package dev.cfauditlogs;

import java.io.IOException;
import java.util.List;

/**
 * Where an {@link AuditLogFollower} hands the records it reads: the caller stores them, then saves
 * the checkpoint that covers them (in this order, or in one transaction), so that a process killed
 * at any moment loses no record and repeats at most one page.
 */
@FunctionalInterface
public interface SyncDelivery {
  /**
   * Called once for each page read, in order, on the follower's thread.
   *
   * @param records the page's records not delivered before, oldest first; empty when the page held
   *     only records delivered before
   * @param checkpoint the checkpoint that covers these records and every one before them
   * @throws IOException ends the follower: {@link AuditLogFollower#poll} and {@link
   *     AuditLogFollower#run} throw it, having saved nothing
   */
  void deliver(List<AuditLog> records, SyncCheckpoint checkpoint) throws IOException;
}
