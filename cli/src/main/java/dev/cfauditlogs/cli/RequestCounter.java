package dev.cfauditlogs.cli;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts the HTTP exchanges of a client (as a network interceptor: every attempt, retries
 * included), for {@code follow --once}'s summary. A class of its own, not a lambda in the command,
 * so that picocli's reflection over the command at start-up loads no OkHttp class.
 */
final class RequestCounter implements Interceptor {
  private final AtomicLong count = new AtomicLong();

  @Override
  public Response intercept(Interceptor.Chain chain) throws IOException {
    count.incrementAndGet();
    return chain.proceed(chain.request());
  }

  /** The exchanges so far. */
  long count() {
    return count.get();
  }
}
