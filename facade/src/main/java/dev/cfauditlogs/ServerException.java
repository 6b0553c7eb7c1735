package dev.cfauditlogs;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cloudflare answered with a 5xx server error, also after retrying. */
public final class ServerException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  ServerException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Duration retryAfter) {
    super(message, statusCode, errors, cfRay, null, retryAfter);
  }
}
