package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The credentials were not accepted: Cloudflare answered 401, or 400 with codes that say a
 * credential header is malformed (6003 chaining 6100–6111, 9103, 9106; for example an API token
 * given as the Global API key). The message names the environment variable to check; {@link
 * #statusCode()} tells the two apart.
 */
public final class AuthenticationException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
