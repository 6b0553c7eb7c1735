package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with something that is not the JSON the spec describes: HTML from a proxy,
 * truncated or invalid JSON, a body over the size cap, or a 200 whose {@code success} is {@code
 * false}.
 */
public final class UnexpectedResponseException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  UnexpectedResponseException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Throwable cause) {
    super(message, statusCode, errors, cfRay, cause);
  }
}
