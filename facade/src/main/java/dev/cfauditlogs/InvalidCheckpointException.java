package dev.cfauditlogs;

/**
 * A {@link SyncCheckpoint} could not be used: its text is not a checkpoint (malformed JSON, an
 * unknown {@code version}, a missing field, a time that is not RFC 3339), its file is too large to
 * be one, or it was made for other filters than the query it is used with. Nothing was sent. The
 * message says which, and names the file when there is one.
 */
public final class InvalidCheckpointException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  InvalidCheckpointException(String message) {
    super(message, null);
  }

  InvalidCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
