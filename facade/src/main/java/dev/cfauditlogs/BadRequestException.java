package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered 400 Bad Request for a reason other than malformed credentials (those are an
 * {@link AuthenticationException}). The message names the refused query parameter only when
 * Cloudflare's error does ({@code source.pointer}, or a message naming a parameter that was sent).
 */
public final class BadRequestException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  BadRequestException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
