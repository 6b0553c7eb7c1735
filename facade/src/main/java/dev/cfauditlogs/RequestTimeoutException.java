package dev.cfauditlogs;

/** An attempt took longer than the configured timeout, on every attempt. */
public final class RequestTimeoutException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
