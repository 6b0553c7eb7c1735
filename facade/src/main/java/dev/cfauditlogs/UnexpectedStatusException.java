package dev.cfauditlogs;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered with an HTTP status this client does not expect, after retrying 408 and 409.
 * A 408 here is the server's "Request Timeout"; this client's own timeout is an {@link
 * AttemptTimeoutException}.
 */
public final class UnexpectedStatusException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Duration retryAfter) {
    super(message, statusCode, errors, cfRay, null, retryAfter);
  }
}
