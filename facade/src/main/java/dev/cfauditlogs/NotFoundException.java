package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cloudflare answered 404 Not Found. Check the base URL. */
public final class NotFoundException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  NotFoundException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
