package dev.cfauditlogs;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** One page request running on the client's threads, which can be awaited or cancelled. */
final class PendingPage {
  private final Future<AuditLogPage> future;
  private final Cancellation cancellation;

  private PendingPage(Future<AuditLogPage> future, Cancellation cancellation) {
    this.future = future;
    this.cancellation = cancellation;
  }

  static PendingPage submit(AuditLogsClient client, AuditLogQuery query) {
    Cancellation cancellation = new Cancellation();
    return new PendingPage(
        client.executor().submit(() -> client.list(query, cancellation)), cancellation);
  }

  /**
   * The page (blocking), or the exception the request failed with, as {@link
   * AuditLogsClient#list(AuditLogQuery)} throws it.
   */
  AuditLogPage await() {
    try {
      return future.get();
    } catch (InterruptedException e) {
      cancel();
      throw RequestInterruptedException.restoringFlag("Interrupted while waiting for a page.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** How many of {@code pages} are still waiting for their response. */
  static int inFlight(Iterable<PendingPage> pages) {
    int n = 0;
    for (PendingPage p : pages) {
      if (!p.future.isDone()) {
        n++;
      }
    }
    return n;
  }

  /** Cancels the request, the call in flight included. */
  void cancel() {
    cancellation.cancel();
    future.cancel(true);
  }
}
