package dev.cfauditlogs;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** The pages of one iteration, in order, each holding only records not yielded before. */
interface PageStream extends AutoCloseable {
  /** The next page (never empty), or null at the end. */
  @Nullable AuditLogPage next();

  /** The total the server reported, when it did. */
  OptionalLong totalCount();

  /** How many records were yielded so far. */
  long yielded();

  /** Stops the iteration, cancelling requests in flight. */
  @Override
  void close();
}
