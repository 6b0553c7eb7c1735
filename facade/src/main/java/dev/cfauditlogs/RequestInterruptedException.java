package dev.cfauditlogs;

/**
 * The thread making or awaiting a request was interrupted: while the call was in flight, while it
 * waited for a retry or for the rate limiter, or while it waited for a page fetched ahead. Nothing
 * is retried after an interrupt. The thread's interrupt flag is set again before this is thrown, so
 * code further up still sees the interrupt ({@link Thread#isInterrupted()}).
 */
public final class RequestInterruptedException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  RequestInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Sets the current thread's interrupt flag again and returns the exception to throw. */
  static RequestInterruptedException restoringFlag(String message, Throwable cause) {
    Thread.currentThread().interrupt();
    return new RequestInterruptedException(message, cause);
  }
}
