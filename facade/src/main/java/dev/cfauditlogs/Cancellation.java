package dev.cfauditlogs;

import java.util.concurrent.CancellationException;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Lets an iteration that is closed stop a request in flight: the current HTTP call is cancelled at
 * once.
 */
class Cancellation {
  /** Never cancelled; registers nothing. */
  static final Cancellation NONE =
      new Cancellation() {
        @Override
        void register(Call call) {}

        @Override
        void cancel() {}
      };

  private volatile boolean cancelled;
  private volatile @Nullable Call current;

  void register(Call call) {
    current = call;
    if (cancelled) {
      call.cancel();
    }
  }

  void cancel() {
    cancelled = true;
    Call call = current;
    if (call != null) {
      call.cancel();
    }
  }

  void throwIfCancelled() {
    if (cancelled) {
      throw new CancellationException("the iteration was closed");
    }
  }
}
