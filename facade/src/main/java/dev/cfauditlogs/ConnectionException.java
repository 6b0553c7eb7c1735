package dev.cfauditlogs;

/** The connection to the API failed, or a response body was cut off, on every attempt. */
public final class ConnectionException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
