package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare answered 401: the credentials were not accepted. Check the API token, or the email and
 * Global API key.
 */
public final class AuthenticationException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
