package dev.cfauditlogs;

import dev.cfauditlogs.internal.HumanDuration;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Sends one logical request: attempts it, retries what is worth retrying (connection failures,
 * cut-off bodies, timeouts, 408, 409, 429, 5xx) with {@link Backoff} or the wait the server asked
 * for, and turns every outcome into a decoded page or an {@link AuditLogsException}. The number of
 * attempts and every wait are bounded.
 */
final class RetryingCaller {
  private static final System.Logger LOG = System.getLogger("dev.cfauditlogs");
  static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;
  static final long MAX_ERROR_BYTES = 256L * 1024;

  private final Call.Factory http;
  private final int maxRetries;
  private final Duration timeout;
  private final Duration maxRetryWait;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final Credentials credentials;
  private final Redactor redactor;
  private final PageDecoder decoder;
  private final RequestPacer pacer;
  private final ClockSkewMonitor skew;

  RetryingCaller(
      Call.Factory http,
      int maxRetries,
      Duration timeout,
      Duration maxRetryWait,
      Clock clock,
      Sleeper sleeper,
      Backoff backoff,
      Credentials credentials,
      RequestPacer pacer,
      ClockSkewMonitor skew) {
    this.http = http;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.maxRetryWait = maxRetryWait;
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = backoff;
    this.credentials = credentials;
    this.redactor = new Redactor(credentials.secrets());
    this.decoder = new PageDecoder(redactor);
    this.pacer = pacer;
    this.skew = skew;
  }

  /** A decoded 2xx body and the facts of the response it came in. */
  record Outcome(PageDecoder.Body body, ResponseInfo info) {}

  Outcome execute(Request request) {
    return execute(request, Cancellation.NONE);
  }

  /**
   * Like {@link #execute(Request)}, stopping with a {@link
   * java.util.concurrent.CancellationException} once {@code cancellation} is cancelled (the call in
   * flight is cancelled too).
   */
  Outcome execute(Request request, Cancellation cancellation) {
    int timeouts = 0;
    for (int attempt = 1; ; attempt++) {
      AttemptResult result = attempt(request, attempt, cancellation);
      if (result instanceof AttemptResult.Delivered delivered) {
        return delivered.outcome();
      }
      AttemptResult.Retryable failure = (AttemptResult.Retryable) result;
      cancellation.throwIfCancelled();
      if (failure.timedOut()) {
        timeouts++;
      }
      if (attempt > maxRetries) {
        throw failure.giveUp(gaveUp(request, attempt, timeouts, failure));
      }
      RetryAfter serverWait = failure.serverWait();
      boolean asked = serverWait != null && !serverWait.duration().isZero();
      Duration wait = asked ? serverWait.duration() : backoff.delayBeforeRetry(attempt);
      if (wait.compareTo(maxRetryWait) > 0) {
        throw failure.giveUp(
            (asked
                    ? " The wait the server asked for (" + serverWait.text()
                    : " The backoff before the next attempt (" + HumanDuration.of(wait))
                + ") is longer than the configured maximum retry wait ("
                + HumanDuration.of(maxRetryWait)
                + (attempt == 1
                    ? "), so the request was not retried."
                    : "), so the request was not retried again (" + attempt + " attempts made).")
                + (failure.timedOut() ? gaveUp(request, attempt, timeouts, failure) : ""));
      }
      LOG.log(
          Level.DEBUG,
          () -> "retrying " + request.url().encodedPath() + " in " + wait.toMillis() + " ms");
      sleep(wait);
    }
  }

  /**
   * How many attempts were made; after a timeout, also how many timed out, the per-attempt limit,
   * and the two remedies (a smaller page, a longer timeout).
   */
  private String gaveUp(Request request, int attempts, int timeouts, AttemptResult.Retryable last) {
    String made = " Gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    if (!last.timedOut()) {
      return made + ".";
    }
    String perPage = request.url().queryParameter("per_page");
    return made
        + " ("
        + timeouts
        + " timed out; the timeout is "
        + HumanDuration.of(timeout)
        + " per attempt). A large page can take longer than that: ask for fewer records a page"
        + " (per_page, "
        + (perPage == null ? "not sent" : Texts.shorten(perPage, 10))
        + " here) or allow more time per attempt (timeout).";
  }

  /**
   * One attempt: a page, a failure worth retrying, or a thrown {@link AuditLogsException} for a
   * failure that is not.
   */
  private AttemptResult attempt(Request request, int attempt, Cancellation cancellation) {
    cancellation.throwIfCancelled();
    pacer.beforeRequest();
    cancellation.throwIfCancelled();
    long started = System.nanoTime();
    Response response;
    try {
      Call call = http.newCall(request);
      cancellation.register(call);
      response = call.execute();
    } catch (IOException e) {
      cancellation.throwIfCancelled();
      return networkFailure(e, request, attempt, started);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      // OkHttp (Kotlin) throws an undeclared InterruptedException when the thread is interrupted
      // while connecting; the interrupt flag is cleared by then.
      cancellation.throwIfCancelled();
      if (e instanceof InterruptedException) {
        throw RequestInterruptedException.restoringFlag(
            "Interrupted while calling " + describe(request) + ".", e);
      }
      throw new IllegalStateException("unexpected failure calling " + describe(request), e);
    }
    try (response) {
      int status = response.code();
      // A server (or a proxy) can echo anything here; it ends up in messages and toString()s.
      String rawRay = response.header("cf-ray");
      String cfRay = rawRay == null ? null : redactor.scrub(rawRay);
      RateLimitStatus rateLimit =
          RateLimitStatus.parse(response.header("ratelimit"), response.header("ratelimit-policy"));
      pacer.afterResponse(status, rateLimit);
      skew.observe(response.header("Date"));
      log(request, status, attempt, started);
      ResponseBody body = response.body();
      if (status >= 200 && status < 300) {
        PageDecoder.Body decoded;
        BoundedSource bounded = new BoundedSource(body.source(), MAX_PAGE_BYTES);
        try (BufferedSource source = Okio.buffer(bounded)) {
          decoded = decoder.decode(source, status, response.header("Content-Type"), cfRay);
        } catch (BoundedSource.TooLargeException e) {
          throw unexpected(status, cfRay, e.getMessage(), e);
        } catch (EOFException e) {
          cancellation.throwIfCancelled();
          if (bounded.exhausted()) {
            // The HTTP body arrived whole; the JSON in it is cut short. Not a network failure.
            throw unexpected(status, cfRay, "the JSON body ends before it is complete", e);
          }
          return networkFailure(e, request, attempt, started);
        } catch (IOException e) {
          cancellation.throwIfCancelled();
          return networkFailure(e, request, attempt, started);
        }
        if (Boolean.FALSE.equals(decoded.success())) {
          String first = decoded.errors().isEmpty() ? "" : ": " + decoded.errors().get(0);
          throw new UnexpectedResponseException(
              "Unexpected response: HTTP " + status + " with success: false" + first + ".",
              status,
              decoded.errors(),
              cfRay,
              null);
        }
        return new AttemptResult.Delivered(
            new Outcome(
                decoded,
                new ResponseInfo(
                    status, cfRay, rateLimit, attempt, HttpDate.parse(response.header("Date")))));
      }
      ErrorBody error = readErrorBody(body);
      RetryAfter serverWait = RetryAfter.from(response.headers(), error.retryAfterSeconds(), clock);
      if (status == 429) {
        pacer.rateLimited(serverWait == null ? null : serverWait.duration());
      }
      String refused =
          status == 400
              ? RefusedParameter.named(error.errors(), request.url())
                  .map(redactor::scrub)
                  .orElse(null)
              : null;
      Function<String, AuditLogsException> giveUp =
          hint ->
              ErrorMapper.toException(status, error, cfRay, serverWait, hint, refused, credentials);
      if (!ErrorMapper.isRetryable(status)) {
        throw giveUp.apply("");
      }
      return new AttemptResult.Retryable(giveUp, false, serverWait);
    }
  }

  private static UnexpectedResponseException unexpected(
      int status, @Nullable String cfRay, String reason, Throwable cause) {
    return new UnexpectedResponseException(
        "Unexpected response (HTTP " + status + "): " + reason + ".",
        status,
        List.of(),
        cfRay,
        cause);
  }

  private ErrorBody readErrorBody(ResponseBody body) {
    try (BufferedSource source = Okio.buffer(new BoundedSource(body.source(), MAX_ERROR_BYTES))) {
      return ErrorBody.parse(source.readUtf8(), redactor);
    } catch (IOException e) {
      return ErrorBody.EMPTY;
    }
  }

  /**
   * A failure without a usable response: a timeout or a failed connection, both worth retrying; an
   * interrupt is thrown at once, with the thread's interrupt flag set again.
   */
  private AttemptResult.Retryable networkFailure(
      IOException e, Request request, int attempt, long started) {
    boolean timeout =
        e instanceof SocketTimeoutException
            || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    if (e instanceof InterruptedIOException && !timeout) {
      throw RequestInterruptedException.restoringFlag(
          "Interrupted while calling " + describe(request) + ".", e);
    }
    LOG.log(
        Level.DEBUG,
        () ->
            describe(request)
                + " failed on attempt "
                + attempt
                + " after "
                + (System.nanoTime() - started) / 1_000_000
                + " ms: "
                + e.getClass().getSimpleName());
    String reason = Texts.shorten(redactor.scrub(String.valueOf(e.getMessage())), 200);
    if (timeout) {
      return new AttemptResult.Retryable(
          hint ->
              new AttemptTimeoutException(
                  "Calling " + describe(request) + " timed out (" + reason + ")." + hint,
                  e,
                  attempt,
                  this.timeout),
          true,
          null);
    }
    return new AttemptResult.Retryable(
        hint ->
            new ConnectionException(
                "Calling "
                    + describe(request)
                    + " failed: "
                    + e.getClass().getSimpleName()
                    + " ("
                    + reason
                    + "). Check the network and the base URL."
                    + hint,
                e),
        false,
        null);
  }

  private void sleep(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw RequestInterruptedException.restoringFlag("Interrupted while waiting to retry.", e);
    }
  }

  private static void log(Request request, int status, int attempt, long started) {
    LOG.log(
        Level.DEBUG,
        () ->
            request.method()
                + " "
                + request.url()
                + " -> "
                + status
                + " (attempt "
                + attempt
                + ", "
                + (System.nanoTime() - started) / 1_000_000
                + " ms)");
  }

  private static String describe(Request request) {
    return request.method() + " " + request.url().host() + request.url().encodedPath();
  }
}
