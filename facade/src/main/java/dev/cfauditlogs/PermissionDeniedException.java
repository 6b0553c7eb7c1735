package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered 403: the credentials lack a permission. An API token needs "Account Settings
 * Read".
 */
public final class PermissionDeniedException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
